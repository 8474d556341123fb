package fr.formaflow.documents;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.time.LocalDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A failing delegate: document storage breaks while the training agreement is generated. The step is asynchronous,
 * so the validator's approval stands; the job is retried, then becomes an incident an operator sees in Cockpit; once
 * the cause is fixed, the operator retries it and the dossier resumes, with nothing half-written in between.
 */
@FormaflowTest
class FailingDocumentGenerationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aFailingGenerationBecomesAnIncidentAndResumesWhenRetried() {
        DossierDriver driver = new DossierDriver(context);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régie son");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));

        jdbc.execute("alter table document rename to document_unavailable");
        try {
            String validator = driver.validator(action);
            String taskId = driver.task(action, "CallActivity_ValidateSubmission").getId();
            driver.as(validator, () -> {
                engine.getFormService().submitTaskForm(taskId, Map.of("decision", "APPROVE"));
                return null;
            });
            // the approval is kept: the generation waits as a job of its own
            assertThat(driver.openTaskKeys(action)).isEmpty();
            Job job = engine.getManagementService().createJobQuery().processInstanceId(action.getProcessInstanceId()).messages().singleResult();
            assertThat(job).isNotNull();
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).as("attempt " + attempt).isNotNull();
            }
            assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
            Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(action.getProcessInstanceId()).singleResult();
            assertThat(incident.getActivityId()).isEqualTo("Task_GenerateAgreement");
            assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            // what the operator sees through the engine's API (as Cockpit does)
            assertThat(new WebClient("http://localhost:" + port).call("operateur", "formaflow", "GET",
                    "/engine-rest/incident?processInstanceId=" + action.getProcessInstanceId(), null).body()).contains("Task_GenerateAgreement");
            assertThat(jdbc.queryForObject("select count(*) from document_unavailable where action_id = ?", Long.class, action.getId()))
                    .as("nothing half-written").isZero();
        } finally {
            jdbc.execute("alter table document_unavailable rename to document");
        }

        // the cause is fixed: the operator retries the job, as from Cockpit, and the dossier goes on
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(action.getProcessInstanceId()).singleResult();
        engine.getManagementService().setJobRetries(failed.getId(), 1);
        engine.getManagementService().executeJob(failed.getId());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(action.getProcessInstanceId()).count()).isZero();
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_Contract");
        assertThat(driver.documentTypes(action)).contains("TRAINING_AGREEMENT");
    }
}
