package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.DemoData;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user's refused form leaves no error in the log; the engine's real errors still do. */
@FormaflowTest
class RefusalsAreNotErrorsTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        RefusalsAreNotErrors.ENGINE_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).addAppender(log));
    }

    @AfterEach
    void stopListening() {
        RefusalsAreNotErrors.ENGINE_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).detachAppender(log));
    }

    @Test
    void aRefusedSubmissionGetsItsFrench400AndNoErrorInTheLog() throws Exception {
        WebClient http = new WebClient("http://localhost:" + port);
        HttpResponse<String> created = http.call(DossierDriver.ORGANISATION_USER, "formaflow", "POST", "/api/dossiers",
                "{\"funderCode\":\"" + DemoData.REGION + "\",\"title\":\"Régie\",\"programmingYear\":" + java.time.LocalDate.now().getYear() + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode dossier = new ObjectMapper().readTree(created.body());
        String submit = taskService.createTaskQuery().processInstanceBusinessKey(dossier.get("contractNumber").asText()).singleResult().getId();

        HttpResponse<String> submitted = http.call(DossierDriver.ORGANISATION_USER, "formaflow", "POST", "/engine-rest/task/" + submit + "/submit-form",
                "{\"variables\":{\"title\":{\"value\":\"" + "t".repeat(256) + "\"}}}");

        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(submitted.body()).contains("« Intitulé » ne doit pas dépasser 255 caractères");
        assertThat(warningsAndErrors()).isEmpty();
    }

    @Test
    void theEngineStillLogsWhatIsNotAUsersRefusal() {
        org.slf4j.Logger engine = LoggerFactory.getLogger("org.camunda.bpm.engine.context");
        engine.error("ENGINE-16004 Exception while closing command context: {}", "refus", new ProcessEngineException("Exception while invoking TaskListener",
                new BusinessRuleException("« Intitulé » est obligatoire.")));
        engine.error("ENGINE-16004 Exception while closing command context: {}", "panne", new ProcessEngineException("connexion perdue"));

        assertThat(warningsAndErrors()).singleElement().satisfies(event -> assertThat(event.getFormattedMessage()).endsWith("panne"));
    }

    private List<ILoggingEvent> warningsAndErrors() {
        return log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }
}
