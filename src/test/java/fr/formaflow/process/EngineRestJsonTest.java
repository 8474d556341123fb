package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import jakarta.ws.rs.ext.ContextResolver;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The engine's REST API reads and writes JSON with one mapper, configured as Camunda configures its own. */
@FormaflowTest
class EngineRestJsonTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CamundaJerseyResourceConfig engineRest;

    @Test
    void theEngineRestApiHasOneMapperInsteadOfCamundasMapperPerCall() {
        assertThat(engineRest.getClasses()).doesNotContain(JacksonConfigurator.class)
                .contains(org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl.class);
        ContextResolver<?> resolver = engineRest.getInstances().stream().filter(EngineRestJson.OneMapper.class::isInstance)
                .map(ContextResolver.class::cast).findFirst().orElseThrow();
        assertThat(resolver.getContext(Object.class)).isSameAs(resolver.getContext(String.class));
        assertThat(new JacksonConfigurator().getContext(Object.class)).isNotSameAs(new JacksonConfigurator().getContext(Object.class));
    }

    @Test
    void tasksAreWrittenAndFormsReadAsWithCamundasMapper() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        WebClient web = new WebClient("http://localhost:" + port);
        TrainingAction action = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Un seul convertisseur JSON");
        String taskId = driver.task(action, "Task_SubmitDossier").getId();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> task = web.call(DossierDriver.ORGANISATION_USER, "formaflow", "GET", "/engine-rest/task/" + taskId, null);
            assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(task.body());
            // Camunda's date format, not Jackson's default: Tasklist parses it
            assertThat(json.path("created").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
            assertThat(json.path("taskDefinitionKey").asText()).isEqualTo("Task_SubmitDossier");
        }
        // bodies are read as Camunda reads them: unknown properties ignored, dates in its format
        HttpResponse<String> found = web.call(DossierDriver.ORGANISATION_USER, "formaflow", "POST", "/engine-rest/task",
                "{\"processInstanceBusinessKey\":\"" + action.getContractNumber() + "\",\"noSuchCriterion\":1,"
                        + "\"createdAfter\":\"2000-01-01T00:00:00.000+0000\"}");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains(taskId);
        HttpResponse<String> later = web.call(DossierDriver.ORGANISATION_USER, "formaflow", "POST", "/engine-rest/task",
                "{\"processInstanceBusinessKey\":\"" + action.getContractNumber() + "\",\"createdAfter\":\"2999-01-01T00:00:00.000+0000\"}");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(later.body()).isEqualTo("[]");
    }
}
