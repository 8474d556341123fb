package fr.formaflow.process;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A dossier task's « Dossier » panel (issue 23): the validator sees what she validates and what changed since her
 * rejection; the organisation uploads, replaces and removes the step's papers inside its task; nobody else sees any of it.
 */
@FormaflowTest
class TaskWorkspaceTest {

    static final String PASSWORD = "formaflow";
    static final String OTHER_ORGANISATION = "paul.roux";
    static final String OTHER_FUNDER = "julien.morel";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;

    WebClient web;
    DossierDriver driver;

    @BeforeEach
    void setUp() {
        web = new WebClient("http://localhost:" + port);
        driver = new DossierDriver(context);
    }

    /** What a form shows and nobody submits is read from the dossier when the form is opened, never stored on the task. */
    @Test
    void aFormShowsTheDossierAsItIsWithoutStoringItOnTheTask() {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régie plateau");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        Task review = driver.task(action, "CallActivity_ValidateSubmission");
        assertThat(engine.getTaskService().getVariablesLocal(review.getId()))
                .doesNotContainKeys("summary", "rejections", "details", "decisionOptions", "decision", "reason");
        Map<String, Object> shown = driver.formVariables(action, "CallActivity_ValidateSubmission");
        assertThat((String) shown.get("summary")).contains("N° de contrat : " + action.getContractNumber(), "Étape : Dépôt du dossier");
        assertThat(shown.get("decisionOptions").toString()).contains("REFUSE", "Refuser le dossier");

        driver.complete(FUNDER_USER, action, "CallActivity_ValidateSubmission", Map.of("decision", "REJECT", "reason", "Programme incomplet."));
        assertThat(engine.getTaskService().getVariablesLocal(driver.task(action, "Task_SubmitDossier").getId()))
                .doesNotContainKeys("summary", "rejections");
        assertThat(driver.formVariables(action, "Task_SubmitDossier").get("rejections").toString()).contains("Programme incomplet.");
    }

    @Test
    void theValidatorSeesTheProgrammeAndAfterARejectionWhatChanged() throws Exception {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régie lumière");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.withOwnTrainers(DossierDriver.programme(3)));
        String review = driver.task(action, "CallActivity_ValidateSubmission").getId();

        JsonNode first = workspace(FUNDER_USER, review);
        assertThat(first.get("validation").asBoolean()).isTrue();
        assertThat(first.get("organisationTask").asBoolean()).isFalse();
        assertThat(first.get("uploads")).as("a validator uploads nothing").isEmpty();
        Map<String, String> content = flat(first);
        assertThat(content).containsEntry("L'action › Objectifs", "Maîtriser la fabrication et la régie des accessoires de scène.")
                .containsEntry("L'action › Programme / contenu", "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h).")
                .containsEntry("Périodes › Période 1", "En centre du 05/01/2026 au 13/02/2026");
        assertThat(content.entrySet()).anySatisfy(trainer -> {
            assertThat(trainer.getKey()).startsWith("Formateurs › Jacques MEUNIER");
            assertThat(trainer.getValue()).startsWith("70");
        });
        assertThat(content.get("Clients › Client 1")).startsWith("Théâtre des Treize Vents — SIRET 77566820500013");
        assertThat(content.get("L'action › Prix en centre")).contains("940,00");
        assertThat(first.get("checklist").toString()).contains("Formacode");
        assertThat(first.get("sinceRejection").isNull()).as("no rejection yet").isTrue();
        assertThat(first.get("warnings").toString()).as("the validator reads points to check; missing papers are the checklist's")
                .doesNotContain("Bloquant", "Pièce manquante");

        // nobody else sees the task: another organisation, another funder, nobody logged in
        assertThat(web.getAs(OTHER_ORGANISATION, PASSWORD, "/api/tasks/" + review + "/workspace").statusCode()).isEqualTo(404);
        assertThat(web.getAs(OTHER_FUNDER, PASSWORD, "/api/tasks/" + review + "/workspace").statusCode()).isEqualTo(404);
        assertThat(web.get("/api/tasks/" + review + "/workspace").statusCode()).isEqualTo(401);

        driver.reject(action, "CallActivity_ValidateSubmission", "Détaillez le module 2.");
        Map<String, Object> corrected = new LinkedHashMap<>(DossierDriver.withOwnTrainers(DossierDriver.programme(3)));
        corrected.put("content", "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h, dont 35 h de pratique).");
        corrected.put("location", "Montpellier");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", corrected);

        JsonNode second = workspace(FUNDER_USER, driver.task(action, "CallActivity_ValidateSubmission").getId());
        JsonNode since = second.get("sinceRejection");
        assertThat(since.get("reason").asText()).isEqualTo("Détaillez le module 2.");
        Map<String, List<String>> changes = new LinkedHashMap<>();
        since.get("changes").forEach(c -> changes.put(c.get("label").asText(), List.of(c.get("before").asText(), c.get("after").asText())));
        assertThat(changes).containsEntry("L'action › Programme / contenu", List.of(
                        "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h).",
                        "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h, dont 35 h de pratique)."))
                .containsEntry("L'action › Lieu", List.of("Clermont-l'Hérault", "Montpellier"))
                .doesNotContainKey("L'action › Objectifs");
    }

    @Test
    void theOrganisationUploadsReplacesAndRemovesTheStepsPapersInsideItsTask() throws Exception {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régie son");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.withOwnTrainers(DossierDriver.programme(3)));
        driver.approve(action, "CallActivity_ValidateSubmission");
        String contract = driver.task(action, "Task_Contract").getId();
        long id = action.getId();
        // claimed, as in Tasklist: a claimed task is still the organisation's
        context.getBean(org.camunda.bpm.engine.TaskService.class).claim(contract, ORGANISATION_USER);

        JsonNode workspace = workspace(ORGANISATION_USER, contract);
        assertThat(workspace.get("organisationTask").asBoolean()).isTrue();
        List<String> slots = new ArrayList<>();
        workspace.get("uploads").forEach(s -> slots.add(s.get("type").asText() + (s.get("trainer").isNull() ? "" : " " + s.get("trainer").asText())));
        assertThat(slots).as("what the Région asks for, one per trainer for a trainer's papers, never a paper Formaflow generates")
                .hasSize(10).contains("SUBCONTRACTING_CONTRACT", "SIGNED_AGREEMENT").allSatisfy(slot ->
                        assertThat(DocumentType.valueOf(slot.split(" ")[0]).generated()).isFalse());
        assertThat(workspace.get("documents").toString()).as("the generated agreement, with a link that opens it")
                .contains("\"type\":\"TRAINING_AGREEMENT\"", "\"url\":\"/api/dossiers/" + id + "/documents/");
        // one checklist: the form's summary no longer carries a copy that could disagree with it
        assertThat(String.valueOf(driver.formVariables(action, "Task_Contract").get("summary"))).doesNotContain("manquant", "✗", "✓");
        assertThat(driver.formVariables(action, "Task_Contract")).doesNotContainKey("details");
        assertThat(workspace.get("warnings").toString()).as("missing papers are listed once, as papers to upload").doesNotContain("Pièce manquante");

        JsonNode uploaded = json.readTree(expect(201, web.upload(ORGANISATION_USER, PASSWORD, "/api/dossiers/" + id + "/documents",
                Map.of("type", "SIGNED_AGREEMENT", "taskId", contract), "convention.pdf", DossierDriver.pdf())).body());
        JsonNode agreement = slot(workspace(ORGANISATION_USER, contract), "SIGNED_AGREEMENT");
        assertThat(agreement.get("documents")).hasSize(1);
        assertThat(agreement.get("documents").get(0).get("removable").asBoolean()).isTrue();
        assertThat(item(workspace(ORGANISATION_USER, contract), "Convention de formation signée par le client").get("present").asBoolean()).isTrue();
        assertThat(web.getAs(ORGANISATION_USER, PASSWORD, "/api/dossiers/" + id + "/documents/" + uploaded.get("id").asLong() + "?inline=true")
                .headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");

        String document = "/api/dossiers/" + id + "/documents/" + uploaded.get("id").asLong();
        assertThat(web.call(OTHER_ORGANISATION, PASSWORD, "DELETE", document, null).statusCode()).as("another organisation").isEqualTo(404);
        assertThat(web.call(OTHER_FUNDER, PASSWORD, "DELETE", document, null).statusCode()).as("another funder").isEqualTo(404);
        assertThat(web.call(FUNDER_USER, PASSWORD, "DELETE", document, null).statusCode()).as("the dossier's funder").isEqualTo(403);
        assertThat(web.getAs(OTHER_ORGANISATION, PASSWORD, "/api/tasks/" + contract + "/workspace").statusCode()).isEqualTo(404);
        String generated = null;
        for (JsonNode line : workspace.get("documents")) {
            if (line.get("generated").asBoolean()) {
                generated = line.get("id").asText();
            }
        }
        assertThat(web.call(ORGANISATION_USER, PASSWORD, "DELETE", "/api/dossiers/" + id + "/documents/" + generated, null).statusCode())
                .as("a generated document stays").isEqualTo(422);

        expect(204, web.call(ORGANISATION_USER, PASSWORD, "DELETE", document, null));
        assertThat(slot(workspace(ORGANISATION_USER, contract), "SIGNED_AGREEMENT").get("documents")).isEmpty();
        assertThat(item(workspace(ORGANISATION_USER, contract), "Convention de formation signée par le client").get("present").asBoolean()).isFalse();
        assertThat(web.getAs(ORGANISATION_USER, PASSWORD, document).statusCode()).isEqualTo(404);

        // once the step is sent, its papers stay
        expect(201, web.upload(ORGANISATION_USER, PASSWORD, "/api/dossiers/" + id + "/documents",
                Map.of("type", "SIGNED_AGREEMENT", "taskId", contract), "convention.pdf", DossierDriver.pdf()));
        driver.uploadContractDocuments(action);
        String sent = slot(workspace(ORGANISATION_USER, contract), "SIGNED_AGREEMENT").get("documents").get(0).get("id").asText();
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        HttpResponse<String> late = web.call(ORGANISATION_USER, PASSWORD, "DELETE", "/api/dossiers/" + id + "/documents/" + sent, null);
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("a déjà été transmise avec son étape");
    }

    private JsonNode workspace(String user, String taskId) throws Exception {
        return json.readTree(expect(200, web.getAs(user, PASSWORD, "/api/tasks/" + taskId + "/workspace")).body());
    }

    private static Map<String, String> flat(JsonNode workspace) {
        Map<String, String> flat = new LinkedHashMap<>();
        workspace.get("content").forEach(section -> section.get("entries").forEach(entry ->
                flat.put(section.get("title").asText() + " › " + entry.get("label").asText(), entry.get("value").asText())));
        return flat;
    }

    private static JsonNode slot(JsonNode workspace, String type) {
        for (JsonNode slot : workspace.get("uploads")) {
            if (slot.get("type").asText().equals(type)) {
                return slot;
            }
        }
        throw new AssertionError("No slot " + type + " in " + workspace.get("uploads"));
    }

    private static JsonNode item(JsonNode workspace, String label) {
        for (JsonNode item : workspace.get("checklist")) {
            if (item.get("label").asText().equals(label)) {
                return item;
            }
        }
        throw new AssertionError("No checklist item " + label + " in " + workspace.get("checklist"));
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }
}
