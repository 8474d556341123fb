package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.FormaflowApplication;
import fr.formaflow.documents.DocumentRepository;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.support.PostgresTestServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.zip.GZIPInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * An upgrade keeps everything: the database of the previous release (commit 2189828, PostgreSQL, demo data, an
 * uploaded document; dumped with pg_dump into src/test/resources/upgrade/) is opened by this release, whose Flyway
 * migrations and Camunda's schema update run on it. Each release adds its own dump for the next one to test against.
 */
class UpgradeTest {

    static final String PREVIOUS_RELEASE = "upgrade/formaflow-2189828-postgres.sql.gz";

    @Test
    void theDatabaseOfThePreviousReleaseOpensWithEverythingKept() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        server.createDatabase("upgrade_test");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("upgrade_test"), server.username(), "");
             InputStream dump = new GZIPInputStream(UpgradeTest.class.getClassLoader().getResourceAsStream(PREVIOUS_RELEASE))) {
            ScriptUtils.executeSqlScript(connection, new ByteArrayResource(new String(dump.readAllBytes(), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8)));
        }

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FormaflowApplication.class).run(
                "--spring.profiles.active=postgres", "--server.port=0",
                "--spring.datasource.url=" + server.jdbcUrl("upgrade_test"), "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=", "--camunda.bpm.job-execution.enabled=false", "--formaflow.demo-data=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select version from formaflow_schema_history where success order by installed_rank", String.class))
                    .as("the migrations added since the previous release ran").contains("7", "8", "9");

            // everything of the previous release is still there, and works
            assertThat(app.getBean(IdentityService.class).checkPassword("marie.durand", "formaflow")).isTrue();
            assertThat(app.getBean(TrainingActionRepository.class).count()).isEqualTo(2);
            assertThat(app.getBean(TaskService.class).createTaskQuery().taskDefinitionKey("Task_SubmitDossier").count()).isEqualTo(2);
            assertThat(app.getBean(DocumentRepository.class).findAll()).singleElement().satisfies(d -> {
                assertThat(d.getFilename()).isEqualTo("piece.pdf");
                // the bytes moved to their own table (V14) and are still the file uploaded
                byte[] content = app.getBean(DocumentService.class).content(d);
                assertThat(content).hasSize((int) d.getSizeBytes());
                assertThat(DocumentService.sha256(content)).isEqualTo(d.getSha256());
            });

            // and what this release brought is deployed and usable on it
            RepositoryService repository = app.getBean(RepositoryService.class);
            for (String key : new String[] {"organisationOnboarding", "apprenticeshipContract", "reimbursementRequest", "trainingDossier"}) {
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count()).as(key).isOne();
            }
            assertThat(jdbc.queryForObject("select count(*) from account_token", Long.class)).isZero();
        }
    }
}
