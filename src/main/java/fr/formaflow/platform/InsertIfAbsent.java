package fr.formaflow.platform;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Find-or-create under a unique key, safe when two transactions create the same row at once: the row is inserted
 * unless it exists, in the caller's transaction, and the loser of a race neither fails nor aborts its transaction.
 * On PostgreSQL, {@code on conflict do nothing} waits for the winner's transaction and then does nothing. On H2, both
 * may find the row absent, and the second insert fails once the first commits: that failure is caught on the
 * connection rather than through the entity manager (which would mark the caller's transaction for rollback), and H2
 * undoes the failed statement only.
 */
@Component
public class InsertIfAbsent {

    /** SQLSTATE of a unique key violation. */
    private static final String DUPLICATE_KEY = "23505";

    private final EntityManager entityManager;
    private final boolean postgres;

    public InsertIfAbsent(EntityManager entityManager, @Value("${spring.datasource.url:}") String databaseUrl) {
        this.entityManager = entityManager;
        this.postgres = databaseUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * Inserts the row (column → value, in a stable order) unless a row has the same values in the key columns.
     *
     * @return whether this call inserted it (false: it existed, or a concurrent transaction created it first)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean insert(String table, Map<String, ?> row, String... keyColumns) {
        List<String> columns = new ArrayList<>(row.keySet());
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        List<Object> parameters = new ArrayList<>(row.values());
        String sql;
        if (postgres) {
            sql = "insert into " + table + " (" + String.join(", ", columns) + ") values (" + placeholders + ") on conflict do nothing";
        } else {
            List<String> keyConditions = new ArrayList<>();
            for (String key : keyColumns) {
                keyConditions.add(key + " = ?");
                parameters.add(row.get(key));
            }
            sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + placeholders
                    + " where not exists (select 1 from " + table + " where " + String.join(" and ", keyConditions) + ")";
        }
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    insert.setObject(i + 1, parameters.get(i));
                }
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }
}
