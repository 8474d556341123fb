package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.FormaflowApplication;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.organisation.OrganisationRepository;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo profile keeps its data in an H2 file: a restart finds everything, and loads the demo data only once. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndDemoDataIsLoadedOnce() {
        long deployments;
        long organisations;
        try (ConfigurableApplicationContext first = start()) {
            IdentityService identity = first.getBean(IdentityService.class);
            User user = identity.newUser("added.before.restart");
            user.setPassword("secret-123");
            identity.saveUser(user);
            deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
            organisations = first.getBean(OrganisationRepository.class).count();
        }
        try (ConfigurableApplicationContext second = start()) {
            IdentityService identity = second.getBean(IdentityService.class);
            assertThat(identity.checkPassword("added.before.restart", "secret-123")).isTrue();
            assertThat(identity.createUserQuery().userId("marie.durand").count()).isEqualTo(1);
            assertThat(second.getBean(OrganisationRepository.class).count()).isEqualTo(organisations).isEqualTo(3);
            // two dossiers waiting for their submission, three validated ones whose offers are the demo catalogue, and
            // one closed dossier and one waiting for its inconsistent month to be fixed (each with its own offer), and the
            // Formiris dossier waiting for its signed purchase order
            assertThat(second.getBean(TrainingActionRepository.class).count()).as("demo dossiers, created once").isEqualTo(8);
            assertThat(second.getBean(TaskService.class).createTaskQuery().taskDefinitionKey("Task_Contract").count()).isEqualTo(1);
            assertThat(second.getBean(fr.formaflow.catalogue.TrainingOfferRepository.class).count()).as("demo offers, created once (the Formiris dossier's too)")
                    .isEqualTo(6);
            assertThat(second.getBean(TaskService.class).createTaskQuery().taskDefinitionKey("Task_SubmitDossier").count()).isEqualTo(2);
            assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count())
                    .as("unchanged processes are not deployed again").isEqualTo(deployments);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FormaflowApplication.class).run(
                "--spring.profiles.active=demo",
                "--server.port=0",
                "--FORMAFLOW_DATA_DIR=" + dataDir,
                "--camunda.bpm.job-execution.enabled=false");
    }
}
