package fr.formaflow.security;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.demo.DemoData;
import fr.formaflow.documents.Document;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Strict isolation, tried with real HTTP requests against the running application: organisation B (Scènes et
 * Formations, Région Occitanie) has a dossier in execution with documents and an invoice; users of another
 * organisation and of another funder try every endpoint of Formaflow's API and the engine's main REST resources on
 * it, and get 401, 403 or 404 while B's dossier stays exactly as it was. Run on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IsolationCases {

    static final String PASSWORD = "formaflow";
    /** A user of another organisation (the CFA, financed by the OPCO) and a validator of another funder. */
    static final List<String> OUTSIDERS = List.of("sophie.martin", "julien.morel");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DocumentService documents;
    @Autowired
    InvoiceService invoices;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DataSource dataSource;

    WebClient http;
    TrainingAction dossierB;
    TrainingAction outsiderDossier;
    long documentB;
    long invoiceB;
    final List<String> tried = new ArrayList<>();

    /** Once, before the first case (a @BeforeEach: process-test coverage records runs of test methods only). */
    @BeforeEach
    void dossierOfOrganisationB() {
        if (dossierB != null) {
            return;
        }
        http = new WebClient("http://localhost:" + port);
        DossierDriver driver = new DossierDriver(context);
        dossierB = driver.runToFirstInvoice();
        ClockUtil.reset();
        dossierB = driver.reload(dossierB);
        documentB = transactions.execute(s -> documents.of(dossierB)).stream().map(Document::getId).findFirst().orElseThrow();
        invoiceB = invoices.of(dossierB.getId()).get(0).getId();
        outsiderDossier = driver.create("sophie.martin", "OPCOSANTE", "Dossier de l'organisme A");
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    /** What the owner sees of its dossier, and what the engine holds: must not change whatever outsiders try. */
    String fingerprint() {
        String view = http.call(ORGANISATION_USER, PASSWORD, "GET", "/api/dossiers/" + dossierB.getId(), null).body();
        String subcontracting = http.call(ORGANISATION_USER, PASSWORD, "GET", "/api/dossiers/" + dossierB.getId() + "/subcontractor-invoices", null).body();
        String engineState = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dossierB.getContractNumber())
                .orderByTaskId().asc().list().stream().map(t -> t.getId() + t.getAssignee() + t.getTaskDefinitionKey()).toList()
                + engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(dossierB.getProcessInstanceId())
                .orderByVariableName().asc().list().stream().map(v -> v.getName() + "=" + v.getValue()).toList().toString();
        return view + subcontracting + engineState;
    }

    HttpResponse<String> as(String user, String method, String path, String json) {
        tried.add(method + " " + path + " (" + (user == null ? "anonyme" : user) + ")");
        return http.call(user, PASSWORD, method, path, json);
    }

    @Test
    void everyDossierEndpointOfTheApiRefusesOutsidersAndChangesNothing() {
        String before = fingerprint();
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            String body = Arrays.stream(handler.getValue().getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                    .map(p -> Collection.class.isAssignableFrom(p.getParameterType()) ? "[]" : "{}").findFirst().orElse(null);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/dossiers/{id}")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream().anyMatch(m -> m.getType().equals("multipart"));
                for (RequestMethod method : methods) {
                    endpoints.add(method + " " + pattern);
                    for (String outsider : OUTSIDERS) {
                        String path = pattern.replace("{id}", dossierB.getId().toString()).replace("{month}", "2026-01")
                                .replace("{invoiceId}", Long.toString(invoiceB)).replace("{documentId}", Long.toString(documentB))
                                .replaceAll("\\{[A-Za-z]+}", "1"); // any other id (a session, a link): an outsider is refused whatever it is
                        HttpResponse<String> response = multipart
                                ? upload(outsider, path)
                                : as(outsider, method.name(), path, body);
                        assertThat(response.statusCode()).as(outsider + " " + method + " " + path + " → " + response.body()).isIn(403, 404);
                        HttpResponse<String> anonymous = as(null, method.name(), path, body);
                        assertThat(anonymous.statusCode()).as("anonymous " + method + " " + path).isEqualTo(401);
                    }
                }
            }
        }
        assertThat(endpoints).as("the dossier endpoints found").hasSizeGreaterThanOrEqualTo(10);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void anotherDossiersIdDoesNotOpenBsDocumentsOrInvoices() {
        String own = "/api/dossiers/" + outsiderDossier.getId();
        assertThat(as("sophie.martin", "GET", own, null).statusCode()).isEqualTo(200);
        assertThat(as("sophie.martin", "GET", own + "/documents/" + documentB, null).statusCode()).isEqualTo(404);
        assertThat(as("sophie.martin", "GET", own + "/invoices/" + invoiceB + ".pdf", null).statusCode()).isEqualTo(404);
    }

    @Test
    void listsShowOnlyWhatIsOwnOrFunded() {
        assertThat(as("sophie.martin", "GET", "/api/dossiers", null).body()).doesNotContain(dossierB.getContractNumber())
                .contains(outsiderDossier.getContractNumber());
        assertThat(as("julien.morel", "GET", "/api/dossiers", null).body()).doesNotContain(dossierB.getContractNumber());
        assertThat(as(FUNDER_USER, "GET", "/api/dossiers", null).body()).contains(dossierB.getContractNumber())
                .doesNotContain(outsiderDossier.getContractNumber());
        assertThat(as("sophie.martin", "POST", "/api/dossiers",
                "{\"funderCode\":\"OCCITANIE\",\"organisationSiret\":\"" + DemoData.TITULAR_SIRET + "\",\"title\":\"Usurpation\"}").statusCode())
                .isIn(403, 422);
        assertThat(as("sophie.martin", "GET", "/api/organisation", null).body()).doesNotContain("marie.durand");
        HttpResponse<String> removal = as("sophie.martin", "DELETE", "/api/organisation/users/marie.durand", null);
        assertThat(removal.statusCode()).as(removal.body()).isEqualTo(404);
        assertThat(engine.getIdentityService().createUserQuery().userId("marie.durand").count()).isOne();
    }

    @Test
    void theEngineRestApiHidesBsProcessesTasksVariablesAndHistory() {
        String before = fingerprint();
        String instance = dossierB.getProcessInstanceId();
        String key = dossierB.getContractNumber();
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list().get(0);
        // what outsiders must not see, the owner and its funder do
        for (String insider : List.of(ORGANISATION_USER, FUNDER_USER)) {
            assertThat(as(insider, "GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key, null).body()).contains(instance);
            assertThat(as(insider, "GET", "/engine-rest/process-instance?businessKey=" + key, null).body()).contains(instance);
        }
        assertThat(as(ORGANISATION_USER, "GET", "/engine-rest/history/task?processInstanceBusinessKey=" + key, null).body()).contains("Task_DeclareMonth");
        for (String outsider : OUTSIDERS) {
            for (String list : List.of("/engine-rest/task?processInstanceBusinessKey=" + key,
                    "/engine-rest/process-instance?businessKey=" + key,
                    "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                    "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key,
                    "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                    "/engine-rest/history/task?processInstanceBusinessKey=" + key,
                    "/engine-rest/history/activity-instance?processInstanceId=" + instance,
                    "/engine-rest/history/detail?processInstanceId=" + instance,
                    "/engine-rest/deployment",
                    "/engine-rest/incident")) {
                HttpResponse<String> response = as(outsider, "GET", list, null);
                assertThat(response.statusCode()).as(list).isEqualTo(200);
                assertThat(response.body()).as(outsider + " " + list).isEqualTo("[]");
            }
            for (String[] call : List.of(
                    new String[] {"GET", "/engine-rest/task/" + task.getId(), null},
                    new String[] {"GET", "/engine-rest/task/" + task.getId() + "/variables", null},
                    new String[] {"GET", "/engine-rest/task/" + task.getId() + "/form-variables", null},
                    new String[] {"POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + outsider + "\"}"},
                    new String[] {"POST", "/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":{}}"},
                    new String[] {"POST", "/engine-rest/task/" + task.getId() + "/submit-form", "{\"variables\":{}}"},
                    new String[] {"GET", "/engine-rest/process-instance/" + instance, null},
                    new String[] {"GET", "/engine-rest/process-instance/" + instance + "/variables", null},
                    new String[] {"PUT", "/engine-rest/process-instance/" + instance + "/variables/organisationGroup",
                            "{\"value\":\"org_" + DemoData.CFA_SIRET + "\",\"type\":\"String\"}"},
                    new String[] {"POST", "/engine-rest/process-instance/" + instance + "/modification",
                            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_CloseAction\"}]}"},
                    new String[] {"DELETE", "/engine-rest/process-instance/" + instance, null},
                    new String[] {"GET", "/engine-rest/history/process-instance/" + instance, null},
                    new String[] {"POST", "/engine-rest/process-definition/key/trainingDossier/start",
                            "{\"variables\":{\"dossierId\":{\"value\":" + dossierB.getId() + ",\"type\":\"Long\"}}}"},
                    new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"ChangeRequested\",\"businessKey\":\"" + key + "\"}"})) {
                HttpResponse<String> response = as(outsider, call[0], call[1], call[2]);
                assertThat(response.statusCode()).as(outsider + " " + call[0] + " " + call[1] + " → " + response.body()).isIn(403, 404);
            }
            assertThat(as(outsider, "GET", "/engine-rest/user", null).body()).doesNotContain("marie.durand");
        }
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    }

    @Test
    void theDossiersFunderCannotCompleteTheOrganisationsTask() {
        TrainingAction fresh = new DossierDriver(context).create(ORGANISATION_USER, DemoData.REGION, "Dossier à soumettre");
        Task submission = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(fresh.getContractNumber()).singleResult();
        assertThat(as(FUNDER_USER, "GET", "/engine-rest/task/" + submission.getId(), null).statusCode()).as("the funder may read it").isIn(200, 403, 404);
        HttpResponse<String> response = as(FUNDER_USER, "POST", "/engine-rest/task/" + submission.getId() + "/complete", "{\"variables\":{}}");
        assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
        assertThat(as(FUNDER_USER, "POST", "/engine-rest/task/" + submission.getId() + "/claim", "{\"userId\":\"" + FUNDER_USER + "\"}").statusCode())
                .isIn(403, 404);
        assertThat(engine.getTaskService().createTaskQuery().taskId(submission.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void anonymousCallsAreRefused() {
        for (String path : List.of("/api/dossiers", "/api/me", "/api/organisation", "/api/dossiers/" + dossierB.getId() + "/documents/" + documentB,
                "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance", "/engine-rest/deployment")) {
            assertThat(as(null, "GET", path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(as(null, "GET", "/engine-rest/task", null).headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(as(null, "GET", "/api/me", null).headers().firstValue("WWW-Authenticate")).isPresent();
        // Formaflow's pages call the API with X-Requested-With: no browser login dialog, the page shows its own message
        HttpResponse<String> fromPage = http.call(null, null, "GET", "/api/me", null, "X-Requested-With", "XMLHttpRequest");
        assertThat(fromPage.statusCode()).isEqualTo(401);
        assertThat(fromPage.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void passwordsAreStoredSaltedAndHashed() {
        List<Map<String, Object>> rows = new JdbcTemplate(dataSource).queryForList("select PWD_, SALT_ from ACT_ID_USER where ID_ = 'marie.durand'");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("PWD_").toString()).startsWith("{SHA-512}").doesNotContain(PASSWORD);
        assertThat(rows.get(0).get("SALT_")).isNotNull();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        String user = "essai.force-brute";
        if (engine.getIdentityService().createUserQuery().userId(user).count() == 0) {
            var created = engine.getIdentityService().newUser(user);
            created.setPassword("Le-bon-mot-de-passe-1");
            engine.getIdentityService().saveUser(created);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(http.call(user, "mauvais", "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
        }
        // right password, but too soon after the failures: still refused
        assertThat(http.call(user, "Le-bon-mot-de-passe-1", "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(http.call(user, "Le-bon-mot-de-passe-1", "GET", "/api/me", null).statusCode()).isEqualTo(401);
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 120_000));
        try {
            assertThat(http.call(user, "Le-bon-mot-de-passe-1", "GET", "/engine-rest/task", null).statusCode()).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void securityHeadersAreSet() {
        HttpResponse<String> api = as(ORGANISATION_USER, "GET", "/api/me", null);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(api.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.API_POLICY);
        assertThat(api.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> page = as(null, "GET", "/compte.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.PAGE_POLICY);
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        HttpResponse<String> tasklist = as(null, "GET", "/camunda/app/tasklist/default/", null);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private HttpResponse<String> upload(String user, String path) {
        tried.add("POST (multipart) " + path + " (" + user + ")");
        return http.upload(user, PASSWORD, path, Map.of("type", "OTHER"), "piece.pdf", DossierDriver.pdf());
    }
}
