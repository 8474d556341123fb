package fr.formaflow.trainee;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.SingleUseTokens;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trainees and trainers evaluate the training themselves, through a single-use link and without an account; the
 * organisation gives the links, validates the skills, and never types the answers.
 */
@FormaflowTest
class EvaluationLinksRestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TraineeService trainees;
    @Autowired
    DossierService dossiers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TaskService taskService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachPersonEvaluatesOnceThroughTheirOwnLinkAndTheOrganisationOnlyValidatesSkills() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction notOpened = driver.create(ORGANISATION_USER, REGION, "Pas encore ouverte");
        TrainingAction action = driver.runToExecution("MONTHLY", 3, 2);
        WebClient http = new WebClient("http://localhost:" + port);
        String links = "/api/dossiers/" + action.getId() + "/evaluation-links";

        HttpResponse<String> early = http.postJson(ORGANISATION_USER, PASSWORD, "/api/dossiers/" + notOpened.getId() + "/evaluation-links", "");
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("une fois l'action ouverte");
        assertThat(http.postJson("paul.roux", PASSWORD, links, "").statusCode()).as("another organisation").isEqualTo(404);
        assertThat(http.postJson("claire.fabre", PASSWORD, links, "").statusCode()).as("the funder").isIn(403, 404);

        HttpResponse<String> given = http.postJson(ORGANISATION_USER, PASSWORD, links, "");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        JsonNode people = JSON.readTree(given.body());
        assertThat(people.findValuesAsText("kind")).containsExactly("TRAINEE", "TRAINEE", "TRAINER", "TRAINER");
        String trainee = people.get(0).get("token").asText();
        String otherTrainee = people.get(1).get("token").asText();
        String trainer = people.get(2).get("token").asText();
        assertThat(people.get(0).get("url").asText()).endsWith("/evaluer.html?t=" + trainee);
        // only the token's SHA-256 is kept
        assertThat(jdbc.queryForList("select token_hash from evaluation_link", String.class))
                .doesNotContain(trainee).contains(SingleUseTokens.hash(trainee));

        // what the person reads: the training, the organisation, their own name; no internal id
        HttpResponse<String> page = http.get("/public/evaluations/" + trainee);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode toAnswer = JSON.readTree(page.body());
        assertThat(toAnswer.get("personName").asText()).isEqualTo(people.get(0).get("personName").asText());
        assertThat(toAnswer.get("dossierTitle").asText()).isEqualTo(action.getTitle());
        assertThat(page.body()).doesNotContain("\"id\"", "actionId", "personId");
        assertThat(http.get("/public/evaluations/inconnu").statusCode()).isEqualTo(404);

        // a rating out of range is refused in French, and nothing is written
        HttpResponse<String> wrong = http.call(null, null, "POST", "/public/evaluations/" + trainee, "{\"satisfaction\":7}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("une note de 1");
        assertThat(satisfactions(action)).containsOnlyNulls();
        assertThat(http.call(null, null, "POST", "/public/evaluations/" + trainer, "{\"comment\":\" \"}").body())
                .contains("Écrivez votre évaluation");

        assertThat(http.call(null, null, "POST", "/public/evaluations/" + trainee, "{\"satisfaction\":4,\"comment\":\"Très concret.\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> again = http.call(null, null, "POST", "/public/evaluations/" + trainee, "{\"satisfaction\":1}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("déjà été envoyée");
        assertThat(http.call(null, null, "POST", "/public/evaluations/" + trainer, "{\"comment\":\"Groupe attentif.\"}").statusCode())
                .isEqualTo(200);
        assertThat(trainerEvaluation(action))
                .isEqualTo(people.get(2).get("personName").asText() + " : Groupe attentif.");

        // new links replace the unused ones only: the old address of the trainee who did not answer opens nothing
        JsonNode renewed = JSON.readTree(http.postJson(ORGANISATION_USER, PASSWORD, links, "").body());
        assertThat(renewed.get(0).get("answered").asBoolean()).isTrue();
        assertThat(renewed.get(0).get("token").isNull()).isTrue();
        assertThat(http.get("/public/evaluations/" + otherTrainee).statusCode()).isEqualTo(404);
        String renewedTrainee = renewed.get(1).get("token").asText();
        assertThat(http.get("/public/evaluations/" + renewedTrainee).statusCode()).isEqualTo(200);
        JsonNode statuses = JSON.readTree(http.getAs(ORGANISATION_USER, PASSWORD, links).body());
        List<String> answered = new ArrayList<>();
        statuses.forEach(status -> {
            if (status.get("answered").asBoolean()) {
                answered.add(status.get("personName").asText());
            }
        });
        assertThat(statuses).hasSize(4);
        assertThat(answered).containsExactlyInAnyOrder(people.get(0).get("personName").asText(), people.get(2).get("personName").asText());
        // a link is valid 30 days
        LocalDateTime renewedAt = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault());
        clock(renewedAt.plusDays(31));
        assertThat(http.get("/public/evaluations/" + renewedTrainee).statusCode()).isEqualTo(404);
        clock(renewedAt);

        // the evaluations task shows the answers; the organisation cannot overwrite a trainee's rating
        driver.runToEvaluations(action);
        Map<String, Object> form = driver.formVariables(action, "Task_Evaluations");
        assertThat(form.get("evaluationsReceived").toString()).contains("1 stagiaire(s) sur 2, 1 formateur(s) sur 2");
        assertThat(form.get("trainerEvaluation").toString()).contains("Groupe attentif.");
        List<Map<String, Object>> rows = new ArrayList<>();
        trainees.of(action.getId()).forEach(t -> rows.add(Map.of("traineeId", t.getId(), "result", "ACQUIRED", "satisfaction", "1",
                "comment", "Écrit par l'organisme")));
        driver.complete(ORGANISATION_USER, action, "Task_Evaluations", Map.of("evaluations", DossierDriver.json(JSON.writeValueAsString(rows)),
                "trainerEvaluation", "Écrit par l'organisme"));
        assertThat(satisfactions(action)).containsExactly(4, null);
        assertThat(trainerEvaluation(action)).doesNotContain("Écrit par l'organisme");
    }

    @Test
    void theOpenEvaluationsTaskShowsEachAnswerWhenItsFormIsReadAndKeepsTheResultsAfterARejection() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.runToExecution("MONTHLY", 3, 2);
        driver.runToEvaluations(action);
        Map<String, Object> before = driver.formVariables(action, "Task_Evaluations");
        assertThat(before.get("evaluationsReceived").toString()).startsWith("Aucun lien d'évaluation");
        assertThat(before.get("trainerEvaluation")).isNull();
        // nothing is stored on the task: an answer has nothing to rewrite there
        assertThat(taskService.getVariablesLocal(driver.task(action, "Task_Evaluations").getId()))
                .doesNotContainKeys("evaluations", "trainerEvaluation", "evaluationsReceived");

        WebClient http = new WebClient("http://localhost:" + port);
        JsonNode people = JSON.readTree(http.postJson(ORGANISATION_USER, PASSWORD, "/api/dossiers/" + action.getId() + "/evaluation-links", "")
                .body());
        assertThat(http.call(null, null, "POST", "/public/evaluations/" + people.get(0).get("token").asText(),
                "{\"satisfaction\":4,\"comment\":\"Très concret.\"}").statusCode()).isEqualTo(200);
        assertThat(http.call(null, null, "POST", "/public/evaluations/" + people.get(2).get("token").asText(),
                "{\"comment\":\"Groupe attentif.\"}").statusCode()).isEqualTo(200);

        Map<String, Object> after = driver.formVariables(action, "Task_Evaluations");
        assertThat(after.get("evaluationsReceived").toString()).contains("1 stagiaire(s) sur 2, 1 formateur(s) sur 2");
        assertThat(after.get("trainerEvaluation").toString()).endsWith(" : Groupe attentif.");
        JsonNode rows = JSON.readTree(after.get("evaluations").toString());
        assertThat(rows).hasSize(2);
        String answered = people.get(0).get("personName").asText();
        for (JsonNode row : rows) {
            boolean hasAnswered = row.get("name").asText().equals(answered);
            assertThat(row.get("satisfaction").isNull()).as(row.toString()).isEqualTo(!hasAnswered);
            assertThat(row.get("comment").asText(null)).as(row.toString()).isEqualTo(hasAnswered ? "Très concret." : null);
        }

        // the funder sends the evaluations back: the task comes again with the skills validations already chosen
        List<Map<String, Object>> results = new ArrayList<>();
        rows.forEach(row -> results.add(Map.of("traineeId", row.get("traineeId").asLong(), "result", "ACQUIRED")));
        driver.complete(ORGANISATION_USER, action, "Task_Evaluations", Map.of("evaluations", DossierDriver.json(JSON.writeValueAsString(results))));
        driver.reject(action, "CallActivity_ValidateEvaluations", "Le second stagiaire n'a pas tout validé.");
        JsonNode again = JSON.readTree(driver.formVariables(action, "Task_Evaluations").get("evaluations").toString());
        assertThat(again.findValuesAsText("result")).containsExactly("ACQUIRED", "ACQUIRED");
        assertThat(again.findValuesAsText("satisfaction")).containsExactlyInAnyOrder("4", "null");
    }

    private String trainerEvaluation(TrainingAction action) {
        return transactions.execute(s -> dossiers.get(action.getId()).getTrainerEvaluation());
    }

    private List<Integer> satisfactions(TrainingAction action) {
        return transactions.execute(s -> trainees.of(action.getId()).stream().map(Trainee::getSatisfaction).toList());
    }
}
