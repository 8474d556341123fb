package fr.formaflow.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import fr.formaflow.process.StepProperties;
import fr.formaflow.security.TasklistFilters;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Organisations walking Région dossiers through the HTTP APIs while the Région's validator approves each step, as
 * Tasklist does: list the tasks of a filter, find the dossier's task, load its form, submit it.
 * <p>
 * Each virtual user walks dossiers one after another (create, submit, upload the contract documents, confirm the
 * contract, enter the trainees, open the action — each step approved by the validator), pausing 1 to 3 s between
 * actions as a busy user reading a form would. Parameters (system properties): {@code formaflow.http.base-url},
 * {@code formaflow.http.users}, {@code formaflow.http.ramp} and {@code formaflow.http.duration} (seconds).
 */
public class DossierLoadSimulation extends Simulation {

    static final String TASK_LIST = "task list";
    static final String TASK_COMPLETION = "task completion";
    private static final String PASSWORD = "formaflow";
    private static final String VALIDATOR = "claire.fabre";
    private static final List<String> ORGANISATIONS = List.of("marie.durand", "paul.roux", "sophie.martin");
    /** What Tasklist posts to list a filter's tasks (newest first). */
    private static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    private static final AtomicInteger WALKS = new AtomicInteger();
    private static final byte[] PDF = fr.formaflow.support.DossierDriver.pdf();

    public DossierLoadSimulation() {
        String baseUrl = System.getProperty("formaflow.http.base-url", "http://localhost:8080");
        int users = Integer.getInteger("formaflow.http.users", 50);
        Duration ramp = Duration.ofSeconds(Integer.getInteger("formaflow.http.ramp", 20));
        Duration duration = Duration.ofSeconds(Integer.getInteger("formaflow.http.duration", 150));

        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .acceptLanguageHeader("fr-FR,fr;q=0.9")
                .contentTypeHeader("application/json");

        ScenarioBuilder walkers = scenario("Organisations et valideuse")
                .exec(session -> session.set("org", ORGANISATIONS.get(WALKS.getAndIncrement() % ORGANISATIONS.size())))
                .exec(filters("#{org}", TasklistFilters.ORGANISATION_TASKS, "orgFilter"))
                .exec(filters(VALIDATOR, TasklistFilters.TO_VALIDATE, "validatorFilter"))
                .forever().on(exec(session -> session.markAsSucceeded()).exitBlockOnFail().on(walkOneDossier()));

        setUp(walkers.injectOpen(rampUsers(users).during(ramp))).protocols(protocol).maxDuration(ramp.plus(duration));
    }

    private static ChainBuilder walkOneDossier() {
        return exec(session -> session.set("title", "Régie plateau n° " + WALKS.incrementAndGet()))
                .exec(http("dossier creation").post("/api/dossiers").basicAuth("#{org}", PASSWORD)
                        .body(StringBody("{\"funderCode\":\"OCCITANIE\",\"organisationSiret\":null,\"title\":\"#{title}\",\"programmingYear\":"
                                + LoadForms.PROGRAMMING_YEAR + "}"))
                        .check(status().is(201), jsonPath("$.id").saveAs("dossierId"), jsonPath("$.contractNumber").saveAs("contract")))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(organisationStep("Task_SubmitDossier", LoadForms.programme()))
                .exec(validatorApproves())
                .exec(uploadContractDocuments())
                .exec(organisationStep("Task_Contract", LoadForms.values("documentsConfirmed", true)))
                .exec(validatorApproves())
                .exec(organisationStep("Task_EnterTrainees", LoadForms.trainees(3)))
                .exec(validatorApproves())
                .exec(organisationStep("Task_OpenAction", LoadForms.values("realStart", LoadForms.START.toString(), "paymentMode", "MONTHLY")))
                .exec(validatorApproves());
    }

    /** Tasklist's start: the filters the user may read, one of which is kept by name. */
    private static ChainBuilder filters(String user, String name, String key) {
        return exec(http("task filters").get("/engine-rest/filter?resourceType=Task").basicAuth(user, PASSWORD)
                .check(status().is(200), jsonPath("$[?(@.name=='" + name + "')].id").saveAs(key)));
    }

    private static ChainBuilder organisationStep(String taskKey, String variables) {
        return completeTask("#{org}", "#{orgFilter}", taskKey, variables);
    }

    /** The funder's validation of the step just sent: one task of step-validation.bpmn per dossier at a time. */
    private static ChainBuilder validatorApproves() {
        return completeTask(VALIDATOR, "#{validatorFilter}", StepProperties.VALIDATION_TASK, LoadForms.values("decision", "APPROVE"));
    }

    /**
     * As in Tasklist: the filter's list, then the dossier's task (waiting while an asynchronous step runs), its form,
     * the submission.
     */
    private static ChainBuilder completeTask(String user, String filter, String taskKey, String variables) {
        return exec(http(TASK_LIST).post("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15").basicAuth(user, PASSWORD)
                        .header("Accept", "application/hal+json").body(StringBody(TASKLIST_QUERY)).check(status().is(200)))
                .exec(session -> session.remove("taskId"))
                .asLongAs(session -> !session.contains("taskId") && session.getInt("tries") < 60, "tries").on(
                        exec(findTask(user, taskKey).check(jsonPath("$[0].id").optional().saveAs("taskId")))
                                .doIf(session -> !session.contains("taskId")).then(pause(Duration.ofMillis(500))))
                // still absent after 30 s: this request fails and names the step
                .doIf(session -> !session.contains("taskId")).then(exec(findTask(user, taskKey).check(jsonPath("$[0].id").saveAs("taskId"))))
                .exec(http("task form").get("/engine-rest/task/#{taskId}/form-variables?deserializeValues=false").basicAuth(user, PASSWORD)
                        .check(status().is(200)))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .exec(http(TASK_COMPLETION).post("/engine-rest/task/#{taskId}/submit-form").basicAuth(user, PASSWORD)
                        .body(StringBody("{\"variables\":" + variables + "}")).check(status().is(204)))
                .pause(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    private static HttpRequestActionBuilder findTask(String user, String taskKey) {
        return http("task of the dossier").get("/engine-rest/task").basicAuth(user, PASSWORD)
                .queryParam("processInstanceBusinessKey", "#{contract}").queryParam("taskDefinitionKey", taskKey)
                .check(status().is(200));
    }

    /** The two signed contracts, then each trainer's four documents, as the organisation uploads them. */
    private static ChainBuilder uploadContractDocuments() {
        ChainBuilder chain = exec(upload("SUBCONTRACTING_CONTRACT", null), upload("SIGNED_AGREEMENT", null))
                .exec(http("dossier page").get("/api/dossiers/#{dossierId}").basicAuth("#{org}", PASSWORD)
                .check(status().is(200), jsonPath("$.trainers[*].id").findAll().saveAs("trainerIds")));
        return chain.foreach("#{trainerIds}", "trainerId").on(exec(List.of("TRAINER_CONTRACT", "TRAINER_CHARTER", "TRAINER_CV", "TRAINER_ID")
                .stream().map(type -> exec(upload(type, "#{trainerId}"))).toList()));
    }

    private static HttpRequestActionBuilder upload(String type, String trainerId) {
        HttpRequestActionBuilder request = http("document upload").post("/api/dossiers/#{dossierId}/documents").basicAuth("#{org}", PASSWORD)
                .header("Content-Type", "multipart/form-data").formParam("type", type);
        if (trainerId != null) {
            request = request.formParam("trainerId", trainerId);
        }
        return request.bodyPart(ByteArrayBodyPart("file", PDF).fileName(type + ".pdf").contentType("application/pdf"))
                .check(status().is(201));
    }
}
