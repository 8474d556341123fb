package fr.formaflow.platform;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Find-or-create under a unique key, safe when two transactions create the same row at once: the row is inserted
 * unless it exists, in the caller's transaction, and the loser of a race neither fails nor aborts its transaction.
 * On PostgreSQL, {@code on conflict do nothing} waits for the winner's transaction and then does nothing. On H2, both
 * may find the row absent, and H2 refuses the loser's insert on the unique key; in CI once, the loser's next statement
 * still could not see the winner's row. So the loser inserts again until its insert either finds the winner's row and
 * does nothing (the row is then visible to the caller's re-read) or succeeds (the winner rolled back). Each failure is
 * caught on the connection rather than through the entity manager (which would mark the caller's transaction for
 * rollback), and H2 undoes the failed statement only.
 */
@Component
public class InsertIfAbsent {

    /**
     * How the give-up's message begins: the engine wraps an exception of a task listener in its own and keeps only the
     * message, which is how its REST errors recognise it (process/EngineErrorTranslation).
     */
    public static final String GAVE_UP_WAITING = "Gave up waiting for another transaction's new row";
    /** SQLSTATEs of a unique key violation, and of H2's row changed by a transaction not yet committed. */
    private static final Set<String> WINNER_NOT_COMMITTED = Set.of("23505", "90131");
    /** H2's own lock timeout (the datasource's {@code LOCK_TIMEOUT}): how long the loser waits for the winner. */
    private static final Duration WAIT_FOR_WINNER = Duration.ofSeconds(10);
    private static final long RETRY_MILLIS = 5;

    private final EntityManager entityManager;
    private final boolean postgres;

    public InsertIfAbsent(EntityManager entityManager, @Value("${spring.datasource.url:}") String databaseUrl) {
        this.entityManager = entityManager;
        this.postgres = databaseUrl.startsWith("jdbc:postgresql:");
    }

    /** Whether the application runs on PostgreSQL (else H2, the only other database it runs on). */
    boolean onPostgres() {
        return postgres;
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
                return postgres ? insert.executeUpdate() == 1 : untilWinnerCommits(insert, table, WAIT_FOR_WINNER);
            }
        });
    }

    /** H2's insert-unless-exists, repeated while the unique key clashes with a row that the statement cannot see yet. */
    static boolean untilWinnerCommits(PreparedStatement insert, String table, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (!WINNER_NOT_COMMITTED.contains(e.getSQLState())) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new CannotAcquireLockException(GAVE_UP_WAITING + " of " + table + ", uncommitted for " + wait.toMillis() + " ms", e);
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotAcquireLockException("Interrupted while waiting for a new row of " + table, e);
            }
        }
    }
}
