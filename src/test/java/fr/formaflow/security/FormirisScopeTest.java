package fr.formaflow.security;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Formiris (seed 001, issue 24): a regional dossier is validated by the association territoriale's validators, a national
 * one by the head office's; each group sees and works on its own scope's dossiers only, through Formaflow's API and the
 * engine's REST API alike. The routing comes from the dossier (its scope, fixed at creation), never a process variable.
 */
@FormaflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormirisScopeTest {

    static final String REGIONAL_VALIDATOR = "lea.garnier";
    static final String NATIONAL_VALIDATOR = "antoine.brun";
    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    DossierDriver driver;
    WebClient http;
    TrainingAction regional;
    TrainingAction national;

    /** Once: a regional and a national dossier, both submitted and waiting for Formiris' validation. */
    @BeforeEach
    void twoSubmittedDossiers() {
        if (regional != null) {
            return;
        }
        driver = new DossierDriver(context);
        http = new WebClient("http://localhost:" + port);
        regional = submitted("Pédagogie différenciée (régional)", GeographicScope.REGIONAL);
        national = submitted("Accueil des élèves à besoins particuliers (national)", GeographicScope.NATIONAL);
    }

    private TrainingAction submitted(String title, GeographicScope scope) {
        TrainingAction action = driver.create(ORGANISATION_USER, driver.formirisFunder(), title, scope);
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        return driver.reload(action);
    }

    @Test
    void eachScopesValidationGoesToItsOwnValidatorGroup() {
        assertThat(regional.getScope()).isEqualTo(GeographicScope.REGIONAL);
        assertThat(regional.getValidatorGroupId()).isEqualTo(Funder.groupIdFor(DemoData.FORMIRIS));
        assertThat(national.getValidatorGroupId()).isEqualTo(Funder.nationalGroupIdFor(DemoData.FORMIRIS));
        assertThat(candidateGroups(regional)).containsExactly(Funder.groupIdFor(DemoData.FORMIRIS));
        assertThat(candidateGroups(national)).containsExactly(Funder.nationalGroupIdFor(DemoData.FORMIRIS));
        assertThat(driver.validator(regional)).isEqualTo(REGIONAL_VALIDATOR);
        assertThat(driver.validator(national)).isEqualTo(NATIONAL_VALIDATOR);
    }

    @Test
    void aValidatorOfOneScopeCannotDecideTheOtherScopesDossier() {
        assertThatThrownBy(() -> driver.complete(NATIONAL_VALIDATOR, regional, "CallActivity_ValidateSubmission", Map.of("decision", "APPROVE")))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> driver.complete(REGIONAL_VALIDATOR, national, "CallActivity_ValidateSubmission", Map.of("decision", "APPROVE")))
                .isInstanceOf(RuntimeException.class);
        // still waiting for their own validators
        assertThat(candidateGroups(regional)).containsExactly(Funder.groupIdFor(DemoData.FORMIRIS));
        assertThat(candidateGroups(national)).containsExactly(Funder.nationalGroupIdFor(DemoData.FORMIRIS));
    }

    @Test
    void formaflowsApiShowsEachValidatorOnlyItsScopesDossiers() {
        for (var pair : List.of(List.of(REGIONAL_VALIDATOR, regional, national), List.of(NATIONAL_VALIDATOR, national, regional))) {
            String validator = (String) pair.get(0);
            TrainingAction own = (TrainingAction) pair.get(1);
            TrainingAction other = (TrainingAction) pair.get(2);
            assertThat(call(validator, "GET", "/api/dossiers").body()).contains(own.getContractNumber()).doesNotContain(other.getContractNumber());
            assertThat(call(validator, "GET", "/api/dossiers/search?q=" + DemoData.FORMIRIS.substring(0, 3)).body())
                    .doesNotContain(other.getContractNumber());
            assertThat(call(validator, "GET", "/api/dossiers/search").body()).contains(own.getContractNumber())
                    .doesNotContain(other.getContractNumber());
            assertThat(call(validator, "GET", "/api/dossiers/" + own.getId()).statusCode()).isEqualTo(200);
            // every GET of a dossier's API refuses the other scope's validator
            for (String path : dossierGetPaths()) {
                HttpResponse<String> response = call(validator, "GET", path.replace("{id}", other.getId().toString()));
                assertThat(response.statusCode()).as(validator + " GET " + path + " → " + response.body()).isIn(403, 404);
            }
        }
        assertThat(call(ORGANISATION_USER, "GET", "/api/dossiers").body()).contains(regional.getContractNumber(), national.getContractNumber());
    }

    @Test
    void theEngineRestApiShowsEachValidatorOnlyItsScopesTasksAndInstances() {
        for (var pair : List.of(List.of(REGIONAL_VALIDATOR, regional, national), List.of(NATIONAL_VALIDATOR, national, regional))) {
            String validator = (String) pair.get(0);
            TrainingAction own = (TrainingAction) pair.get(1);
            TrainingAction other = (TrainingAction) pair.get(2);
            Task ownTask = driver.task(own, "CallActivity_ValidateSubmission");
            Task otherTask = driver.task(other, "CallActivity_ValidateSubmission");
            assertThat(call(validator, "GET", "/engine-rest/task?processInstanceBusinessKey=" + own.getContractNumber()).body()).contains(ownTask.getId());
            assertThat(call(validator, "GET", "/engine-rest/process-instance?businessKey=" + own.getContractNumber()).body())
                    .contains(own.getProcessInstanceId());
            for (String list : List.of("/engine-rest/task?processInstanceBusinessKey=" + other.getContractNumber(),
                    "/engine-rest/task?candidateGroup=" + other.getValidatorGroupId(),
                    "/engine-rest/process-instance?businessKey=" + other.getContractNumber(),
                    "/engine-rest/history/process-instance?processInstanceBusinessKey=" + other.getContractNumber(),
                    "/engine-rest/history/task?processInstanceBusinessKey=" + other.getContractNumber())) {
                HttpResponse<String> response = call(validator, "GET", list);
                assertThat(response.statusCode()).as(list).isEqualTo(200);
                assertThat(response.body()).as(validator + " " + list).isEqualTo("[]");
            }
            for (String[] request : List.of(new String[] {"GET", "/engine-rest/task/" + otherTask.getId()},
                    new String[] {"GET", "/engine-rest/task/" + otherTask.getId() + "/form-variables"},
                    new String[] {"GET", "/engine-rest/process-instance/" + other.getProcessInstanceId()},
                    new String[] {"GET", "/engine-rest/history/process-instance/" + other.getProcessInstanceId()})) {
                HttpResponse<String> response = call(validator, request[0], request[1]);
                assertThat(response.statusCode()).as(validator + " " + request[1] + " → " + response.body()).isIn(403, 404);
            }
            HttpResponse<String> claim = http.call(validator, PASSWORD, "POST", "/engine-rest/task/" + otherTask.getId() + "/claim",
                    "{\"userId\":\"" + validator + "\"}");
            assertThat(claim.statusCode()).isIn(403, 404);
            HttpResponse<String> complete = http.call(validator, PASSWORD, "POST", "/engine-rest/task/" + otherTask.getId() + "/submit-form",
                    "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
            assertThat(complete.statusCode()).isIn(403, 404);
        }
    }

    @Test
    void aFormirisDossierNeedsItsScopeAndOtherFundersRefuseOne() {
        HttpResponse<String> without = call(ORGANISATION_USER, "POST", "/api/dossiers",
                "{\"funderCode\":\"FORMIRIS\",\"title\":\"Sans périmètre\"}");
        assertThat(without.statusCode()).isEqualTo(422);
        assertThat(without.body()).contains("périmètre géographique");
        HttpResponse<String> regionWithScope = call(ORGANISATION_USER, "POST", "/api/dossiers",
                "{\"funderCode\":\"OCCITANIE\",\"title\":\"Avec périmètre\",\"scope\":\"NATIONAL\"}");
        assertThat(regionWithScope.statusCode()).isEqualTo(422);
        assertThat(call(ORGANISATION_USER, "GET", "/api/funders").body()).contains("\"code\":\"FORMIRIS\"", "\"scopes\":true");
    }

    /** Seed 001: questions about a regional dossier go to the regional proximity site, about a national one to the service gestion. */
    @Test
    void eachDossierShowsWhereItsQuestionsGo() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var regionalView = json.readTree(call(ORGANISATION_USER, "GET", "/api/dossiers/" + regional.getId()).body());
        assertThat(regionalView.get("scope").asText()).isEqualTo("régional");
        assertThat(regionalView.get("summary").asText()).contains("Financeur : Formiris — formation de périmètre régional");
        assertThat(regionalView.get("help").get("service").asText()).contains("Site de proximité");
        assertThat(regionalView.get("help").get("email").asText()).endsWith(".example");
        var nationalView = json.readTree(call(NATIONAL_VALIDATOR, "GET", "/api/dossiers/" + national.getId()).body());
        assertThat(nationalView.get("scope").asText()).isEqualTo("national");
        assertThat(nationalView.get("help").get("service").asText()).contains("Service gestion");
        assertThat(nationalView.get("help").get("email").asText()).isEqualTo("contact.gestion@formiris.org");
        // the other funders' dossiers keep their one contact; /aide.html lists Formiris' three
        var formiris = json.readTree(http.get("/public/funders/help").body()).findParents("code").stream()
                .filter(f -> f.get("code").asText().equals(DemoData.FORMIRIS)).findFirst().orElseThrow();
        assertThat(formiris.get("help").get("phone").asText()).isEqualTo("01 58 45 10 20");
        assertThat(formiris.get("help").get("email").asText()).isEqualTo("contact.assistance@formiris.org");
        assertThat(formiris.get("regional").get("service").asText()).contains("Site de proximité");
        assertThat(formiris.get("national").get("email").asText()).isEqualTo("contact.gestion@formiris.org");
    }

    private HttpResponse<String> call(String user, String method, String path) {
        return http.call(user, PASSWORD, method, path, null);
    }

    private HttpResponse<String> call(String user, String method, String path, String json) {
        return http.call(user, PASSWORD, method, path, json);
    }

    private List<String> candidateGroups(TrainingAction action) {
        Task task = driver.task(action, "CallActivity_ValidateSubmission");
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    /** The dossier API's GET paths with the dossier's id only. */
    private Set<String> dossierGetPaths() {
        Set<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            info.getPatternValues().stream().filter(p -> p.startsWith("/api/dossiers/{id}") && p.lastIndexOf('{') == p.indexOf("{id}"))
                    .forEach(paths::add);
        }
        assertThat(paths).hasSizeGreaterThanOrEqualTo(5);
        return paths;
    }
}
