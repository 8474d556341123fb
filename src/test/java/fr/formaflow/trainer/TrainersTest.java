package fr.formaflow.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.AtOnce;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users of an organisation saving the same new trainer at once (issue 28: the second failed on the unique key and
 * lost its task completion). {@link fr.formaflow.platform.PostgresDossierTest} runs it on PostgreSQL.
 */
@FormaflowTest
public class TrainersTest {

    @Autowired
    ApplicationContext context;

    @Test
    void usersSavingTheSameNewTrainerAtOnceGetOneTrainer() throws Exception {
        check(context);
    }

    public static void check(ApplicationContext context) throws Exception {
        Trainers trainers = context.getBean(Trainers.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        TrainingAction action = new DossierDriver(context).create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Éclairage scénique");
        Long organisationId = action.getOrganisation().getId();
        String lastName = "Concurrent-" + System.nanoTime();

        List<Long> ids = AtOnce.run(8, () -> transactions.execute(t -> trainers.findOrCreate(organisationId, " " + lastName.toLowerCase(), "Zoé ").getId()));

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from trainer where organisation_id = ? and last_name = ?", Long.class, organisationId, lastName.toUpperCase()))
                .isEqualTo(1L);
        // found again by its normalised name, not created twice
        Long again = transactions.execute(t -> trainers.findOrCreate(organisationId, lastName, "Zoé").getId());
        assertThat(again).isEqualTo(ids.get(0));
    }
}
