package fr.formaflow.platform;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.OptionalLong;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free numbering. Taking a number updates the series' row, which stays locked until the caller's transaction
 * ends, so two transactions never get the same number, and a rolled-back one gives its number back. One statement
 * per number: the update hands back the value it wrote ({@code returning} on PostgreSQL, H2's {@code final table}).
 */
@Service
public class NumberSequences {

    private static final String INCREMENT = "update number_sequence set last_value = last_value + 1 where name = ?";

    private final EntityManager entityManager;
    private final InsertIfAbsent insertIfAbsent;
    private final String next;

    public NumberSequences(EntityManager entityManager, InsertIfAbsent insertIfAbsent) {
        this.entityManager = entityManager;
        this.insertIfAbsent = insertIfAbsent;
        this.next = insertIfAbsent.onPostgres() ? INCREMENT + " returning last_value"
                : "select last_value from final table (" + INCREMENT + ")";
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String series) {
        return increment(series).orElseGet(() -> {
            // created in the caller's transaction: creating it in a transaction of its own took a second connection
            // while holding one, and as many concurrent first numbers as the pool has connections waited for each other
            insertIfAbsent.insert("number_sequence", Map.of("name", series, "last_value", 0L), "name");
            return increment(series).orElseThrow();
        });
    }

    private OptionalLong increment(String series) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(next)) {
                update.setString(1, series);
                try (ResultSet value = update.executeQuery()) {
                    return value.next() ? OptionalLong.of(value.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }
}
