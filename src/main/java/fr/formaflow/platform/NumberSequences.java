package fr.formaflow.platform;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.Session;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free numbering. The series' row stays locked until the caller's transaction ends, so two
 * transactions never get the same number, and a rolled-back one gives its number back.
 */
@Service
public class NumberSequences {

    private final NumberSequenceRepository repository;
    private final EntityManager entityManager;
    private final String createIfAbsent;
    /** SQLSTATE of a unique key violation. */
    private static final String DUPLICATE_KEY = "23505";

    public NumberSequences(NumberSequenceRepository repository, EntityManager entityManager,
                           @Value("${spring.datasource.url:}") String databaseUrl) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.createIfAbsent = databaseUrl.startsWith("jdbc:postgresql:")
                // a concurrent creation waits for the first one's transaction, then does nothing
                ? "insert into number_sequence (name, last_value) select ?, 0 on conflict do nothing"
                : "insert into number_sequence (name, last_value) select ?, 0 where not exists (select 1 from number_sequence where name = ?)";
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String series) {
        NumberSequence sequence = repository.lock(series).orElseGet(() -> {
            // created in the caller's transaction: creating it in a transaction of its own took a second connection
            // while holding one, and as many concurrent first numbers as the pool has connections waited for each other
            entityManager.unwrap(Session.class).doWork(connection -> createIfAbsent(connection, series));
            return repository.lock(series).orElseThrow();
        });
        return sequence.next();
    }

    /**
     * On H2, two transactions creating the same series at the same instant both find it absent, and the second insert
     * fails once the first commits. Caught here, on the connection, rather than through the entity manager, which
     * would mark the caller's transaction for rollback: H2 undoes the failed statement only, and the series exists.
     */
    private void createIfAbsent(Connection connection, String series) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(createIfAbsent)) {
            for (int i = 1; i <= insert.getParameterMetaData().getParameterCount(); i++) {
                insert.setString(i, series);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
