package fr.formaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.security.TasklistFilters;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The dossier's audit trail Cockpit shows operators: every decision with its reason, who and when; organisations and
 * funders are refused (they read their dossiers on their own pages). The task that comes back after a rejection says so.
 */
@FormaflowTest
class OperatorAuditRestTest {

    static final String PASSWORD = "formaflow";
    static final String REASON = "Le module 2 n'a pas de durée.";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;

    WebClient web;
    DossierDriver driver;

    @BeforeEach
    void setUp() {
        web = new WebClient("http://localhost:" + port);
        driver = new DossierDriver(context);
    }

    @Test
    void operatorsReadEveryDecisionWithItsReasonOthersAreRefused() throws Exception {
        TrainingAction action = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Audit régie");
        driver.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        driver.reject(action, "CallActivity_ValidateSubmission", REASON);
        String path = "/api/operator/process-instances/" + action.getProcessInstanceId() + "/audit";

        HttpResponse<String> response = web.getAs("operateur", PASSWORD, path);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode audit = JSON.readTree(response.body());
        assertThat(audit.get("contractNumber").asText()).isEqualTo(action.getContractNumber());
        assertThat(audit.get("title").asText()).isEqualTo(driver.reload(action).getTitle());
        assertThat(audit.get("organisation").asText()).isEqualTo("Scènes et Formations");
        JsonNode steps = audit.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("task").asText()).isEqualTo("Déposer le dossier");
        assertThat(steps.get(0).get("completedBy").asText()).isEqualTo(DossierDriver.ORGANISATION_USER);
        assertThat(steps.get(1).get("task").asText()).isEqualTo("Valider le dossier");
        assertThat(steps.get(1).get("completedBy").asText()).isEqualTo(driver.validator(action));
        assertThat(steps.get(1).get("decision").asText()).isEqualTo("Renvoyé pour correction");
        assertThat(steps.get(1).get("reason").asText()).isEqualTo(REASON);
        assertThat(steps.get(1).get("completedAt").isNull()).isFalse();
        assertThat(audit.get("rejections").get(0).get("reason").asText()).isEqualTo(REASON);

        for (String user : new String[] {DossierDriver.ORGANISATION_USER, driver.validator(action), "julien.morel", "paul.roux"}) {
            HttpResponse<String> refused = web.getAs(user, PASSWORD, path);
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo(OperatorAuditController.OPERATORS_ONLY);
            assertThat(refused.body()).doesNotContain(REASON);
        }
        assertThat(web.get(path).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(web.getAs("operateur", PASSWORD, "/api/operator/process-instances/inconnu/audit").statusCode()).isEqualTo(404);

        // by its contract number (Cockpit's dashboard search), even once its process has ended
        String byNumber = "/api/operator/dossiers/" + action.getContractNumber().toLowerCase() + "/audit";
        assertThat(web.getAs(DossierDriver.ORGANISATION_USER, PASSWORD, byNumber).statusCode()).isEqualTo(403);
        engine.getRuntimeService().deleteProcessInstance(action.getProcessInstanceId(), "dossier abandonné (test)");
        HttpResponse<String> ended = web.getAs("operateur", PASSWORD, byNumber);
        assertThat(ended.statusCode()).isEqualTo(200);
        JsonNode trail = JSON.readTree(ended.body());
        assertThat(trail.get("processInstanceId").asText()).isEqualTo(action.getProcessInstanceId());
        assertThat(trail.get("steps").get(1).get("reason").asText()).isEqualTo(REASON);
        assertThat(web.getAs("operateur", PASSWORD, "/api/operator/dossiers/2099QCA9999/audit").statusCode()).isEqualTo(404);
    }

    @Test
    void theTaskThatComesBackAfterARejectionIsMarkedOnlyThen() {
        TrainingAction action = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Retour régie");
        assertThat(engine.getTaskService().getVariableLocal(driver.task(action, "Task_SubmitDossier").getId(), TasklistFilters.RETURNED))
                .as("a first submission was never returned").isNull();
        driver.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        assertThat(engine.getTaskService().getVariableLocal(driver.task(action, "CallActivity_ValidateSubmission").getId(), TasklistFilters.RETURNED))
                .isNull();
        driver.reject(action, "CallActivity_ValidateSubmission", REASON);
        assertThat((String) engine.getTaskService().getVariableLocal(driver.task(action, "Task_SubmitDossier").getId(), TasklistFilters.RETURNED))
                .startsWith("Renvoyé le ");
        driver.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        assertThat(engine.getTaskService().getVariableLocal(driver.task(action, "CallActivity_ValidateSubmission").getId(), TasklistFilters.RETURNED))
                .as("the validator's second look is not a returned task").isNull();
    }

    @Test
    void eachRoleLandsOnTheListItWorksFrom() {
        // a database of an earlier version, where « Mes tâches » came first and the cards had no return mark
        org.camunda.bpm.engine.filter.Filter old = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult();
        engine.getFilterService().saveFilter(old.setProperties(java.util.Map.of("priority", -10, "description", "Les tâches qui me sont attribuées",
                "refresh", true, "variables", java.util.List.of(java.util.Map.of("name", "contractNumber", "label", "N° de contrat")))));
        context.getBean(TasklistFilters.class).ensureFilters();
        assertThat(engine.getFilterService().getFilter(old.getId()).getProperties().get("variables").toString()).contains(TasklistFilters.RETURNED);
        // Tasklist opens the readable filter of lowest priority
        assertThat(priority(TasklistFilters.ORGANISATION_TASKS)).isLessThan(priority(TasklistFilters.MY_TASKS));
        assertThat(priority(TasklistFilters.TO_VALIDATE)).isLessThan(priority(TasklistFilters.MY_TASKS))
                .isLessThan(priority(TasklistFilters.OVERDUE));
    }

    private int priority(String filter) {
        return ((Number) engine.getFilterService().createFilterQuery().filterName(filter).singleResult().getProperties().get("priority"))
                .intValue();
    }
}
