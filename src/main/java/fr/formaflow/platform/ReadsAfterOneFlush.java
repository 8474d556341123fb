package fr.formaflow.platform;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a series of queries that write nothing after a single flush of the transaction's pending changes.
 * <p>
 * Before each query JPA flushes by default, and to find what to flush Hibernate inspects every entity the transaction
 * holds. A step that reads a dossier's records in ten queries paid that inspection ten times: in a lifecycle dossier's
 * profile, half of Hibernate's flushing before queries came from the consistency check's reads. Flushing once, then
 * reading with Hibernate's flush mode set to {@code MANUAL}, gives the same results, since the reads change nothing
 * in between; the previous mode is restored afterwards. A transaction already in {@code MANUAL} mode (read-only) is
 * neither flushed nor changed.
 */
@Component
public class ReadsAfterOneFlush {

    private final EntityManager entityManager;

    public ReadsAfterOneFlush(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public <T> T read(Supplier<T> reads) {
        Session session = entityManager.unwrap(Session.class);
        FlushMode before = session.getHibernateFlushMode();
        if (before == FlushMode.MANUAL) {
            return reads.get();
        }
        session.flush();
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return reads.get();
        } finally {
            session.setHibernateFlushMode(before);
        }
    }
}
