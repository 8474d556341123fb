package fr.formaflow.notification;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FlowCoverage;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Every deadline on the lists of those who must meet it, and one e-mail reminder three days before it passes. */
@FormaflowTest
class DeadlinesTest {

    static final String VALIDATOR_MAIL = "claire.fabre@laregion.fr";

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @LocalServerPort
    int port;

    final Mailbox mailbox = Mailbox.open();

    @BeforeAll
    static void countOnlyThisClass() {
        FlowCoverage.COVERED.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aValidationDueInThreeDaysIsRemindedOnceAndListedForItsFunderOnly() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régie plateau");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        LocalDate due = LocalDate.ofInstant(driver.task(action, "CallActivity_ValidateSubmission").getDueDate().toInstant(), ZoneId.of("Europe/Paris"));

        WebClient http = new WebClient("http://localhost:" + port);
        JsonNode funders = new ObjectMapper().readTree(http.call("claire.fabre", "formaflow", "GET", "/api/deadlines", null).body());
        assertThat(funders.findValuesAsText("contractNumber")).contains(action.getContractNumber());
        assertThat(http.call("julien.morel", "formaflow", "GET", "/api/deadlines", null).body()).doesNotContain(action.getContractNumber());

        int before = mailbox.to(VALIDATOR_MAIL).size();
        clock(due.minusDays(5).atTime(7, 0));
        runReminders();
        assertThat(mailbox.to(VALIDATOR_MAIL)).as("too early").hasSize(before);

        clock(due.minusDays(2).atTime(7, 0));
        runReminders();
        assertThat(mailbox.to(VALIDATOR_MAIL)).hasSize(before + 1);
        assertThat(mailbox.last(VALIDATOR_MAIL).subject()).contains("Valider le dossier", action.getContractNumber());
        assertThat(mailbox.last(VALIDATOR_MAIL).body()).contains("Accessoiriste de spectacle", "au plus tard le " + fr.formaflow.platform.French.date(due));

        clock(due.minusDays(1).atTime(7, 0));
        runReminders();
        assertThat(mailbox.to(VALIDATOR_MAIL)).as("one reminder per task").hasSize(before + 1);

        clock(due.plusDays(1).atTime(9, 0));
        JsonNode late = new ObjectMapper().readTree(http.call("claire.fabre", "formaflow", "GET", "/api/deadlines", null).body());
        assertThat(late.findValuesAsText("overdue")).contains("true");
        assertThat(FlowCoverage.missingIn("deadline-reminders.bpmn")).isEmpty();
    }

    /** What the job executor does each morning: the timer start event's job, then the reminders' asynchronous step. */
    void runReminders() {
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("deadlineReminders").timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        for (Job step : engine.getManagementService().createJobQuery().processDefinitionKey("deadlineReminders").messages().list()) {
            engine.getManagementService().executeJob(step.getId());
        }
    }
}
