package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.Trainee;
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
            Trainee trainee = entityManager.createQuery("select t from Trainee t order by t.id", Trainee.class).setMaxResults(1).getSingleResult();
            rename(trainee, "Renommé-avant-lecture");

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
            Trainee trainee = entityManager.createQuery("select t from Trainee t order by t.id", Trainee.class).setMaxResults(1).getSingleResult();

            long found = readsAfterOneFlush.read(() -> {
                rename(trainee, "Renommé-pendant-lecture"); // a write inside the reads, which the contract forbids
                return count("Renommé-pendant-lecture");
            });

            assertThat(found).as("the reads' queries do not flush").isZero();
            assertThat(count("Renommé-pendant-lecture")).as("after the reads, queries flush again").isEqualTo(1);
        });
    }

    private long count(String lastName) {
        return entityManager.createQuery("select count(t) from Trainee t where t.lastName = :name", Long.class)
                .setParameter("name", lastName).getSingleResult();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static void rename(Trainee trainee, String lastName) {
        try {
            Field field = Trainee.class.getDeclaredField("lastName");
            field.setAccessible(true);
            field.set(trainee, lastName);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
