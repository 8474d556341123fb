package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.support.FormaflowTest;
import fr.formaflow.organisation.Organisation;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@FormaflowTest
class ReadsAfterOneFlushTest {

    @Autowired
    ReadsAfterOneFlush readsAfterOneFlush;
    @Autowired
    EntityManager entityManager;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theReadsSeeTheTransactionsPendingChangeThenTheFlushModeIsBack() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Organisation organisation = firstOrganisation();
            rename(organisation, "Renommé-avant-lecture");

            // the query's condition is on the changed column: only a flush before it lets the database see the new name
            long found = readsAfterOneFlush.read(() -> count("Renommé-avant-lecture"));

            assertThat(found).isEqualTo(1);
            assertThat(session().getHibernateFlushMode()).isEqualTo(FlushMode.AUTO);
        });
    }

    @Test
    void noQueryInsideFlushesAgain() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Organisation organisation = firstOrganisation();

            long found = readsAfterOneFlush.read(() -> {
                rename(organisation, "Renommé-pendant-lecture"); // a write inside the reads, which the contract forbids
                return count("Renommé-pendant-lecture");
            });

            assertThat(found).as("the reads' queries do not flush").isZero();
            assertThat(count("Renommé-pendant-lecture")).as("after the reads, queries flush again").isEqualTo(1);
        });
    }

    private Organisation firstOrganisation() {
        return entityManager.createQuery("select o from Organisation o order by o.id", Organisation.class).setMaxResults(1).getSingleResult();
    }

    private long count(String name) {
        return entityManager.createQuery("select count(o) from Organisation o where o.name = :name", Long.class)
                .setParameter("name", name).getSingleResult();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static void rename(Organisation organisation, String name) {
        try {
            Field field = Organisation.class.getDeclaredField("name");
            field.setAccessible(true);
            field.set(organisation, name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
