package fr.formaflow.dossier;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.formaflow.platform.WebClient;
import fr.formaflow.process.StepProperties;
import fr.formaflow.support.FormaflowTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A full dossier — 10 trainees, 3 months — driven only through the HTTP APIs, as the organisation's and the
 * funder's users would: Formaflow's API to create the dossier and upload documents, the engine's REST API to
 * find and submit their tasks. Only the passing of time (the engine's clock and due timers) is done in Java.
 */
@FormaflowTest
class DossierRestEndToEndTest {

    static final String ORG = "marie.durand";
    static final String FUNDER = "claire.fabre";
    static final String PASSWORD = "formaflow";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    WebClient web;
    String contract;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDossierWithTenTraineesAndThreeMonthsGoesThroughTheApis() throws Exception {
        web = new WebClient("http://localhost:" + port);
        clock(LocalDateTime.of(2025, 11, 20, 9, 0));

        JsonNode created = json(expect(201, web.postJson(ORG, PASSWORD, "/api/dossiers",
                "{\"funderCode\":\"OCCITANIE\",\"title\":\"Régie son et lumière\",\"programmingYear\":2026}")));
        long id = created.get("id").asLong();
        contract = created.get("contractNumber").asText();

        // another organisation and another funder see nothing of it
        assertThat(web.getAs("paul.roux", PASSWORD, "/api/dossiers/" + id).statusCode()).isEqualTo(404);
        assertThat(json(web.getAs("paul.roux", PASSWORD, "/engine-rest/task?processInstanceBusinessKey=" + contract).body())).isEmpty();
        assertThat(json(web.getAs("julien.morel", PASSWORD, "/engine-rest/task?processInstanceBusinessKey=" + contract).body())).isEmpty();
        assertThat(json(web.getAs("paul.roux", PASSWORD, "/engine-rest/process-instance?businessKey=" + contract).body())).isEmpty();

        // a submission with a missing field is refused with a French message naming it
        ObjectNode programme = programme();
        programme.remove("formacode");
        HttpResponse<String> refused = submit(ORG, "Task_SubmitDossier", programme);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("message").asText()).contains("Le champ « Formacode » est obligatoire.").doesNotContain("ENGINE-");

        expect(204, submit(ORG, "Task_SubmitDossier", programme()));
        expect(204, submit(FUNDER, "CallActivity_ValidateSubmission", vars("decision", "APPROVE")));

        JsonNode trainers = json(web.getAs(ORG, PASSWORD, "/api/dossiers/" + id).body());
        assertThat(trainers.get("phase").asText()).isEqualTo("CONTRACT");
        uploadContractDocuments(id);
        expect(204, submit(ORG, "Task_Contract", vars("documentsConfirmed", true)));
        expect(204, submit(FUNDER, "CallActivity_ValidateContract", vars("decision", "APPROVE")));

        expect(204, submit(ORG, "Task_EnterTrainees", traineesForm(10)));
        expect(204, submit(FUNDER, "CallActivity_ValidateTrainees", vars("decision", "APPROVE")));
        expect(204, submit(ORG, "Task_OpenAction", vars("realStart", "2026-01-05", "paymentMode", "MONTHLY")));
        expect(204, submit(FUNDER, "CallActivity_ValidateOpening", vars("decision", "APPROVE")));

        String[][] months = {{"2026-01", "2026-02-02"}, {"2026-02", "2026-03-02"}, {"2026-03", "2026-04-01"}};
        for (String[] month : months) {
            clock(LocalDateTime.parse(month[1] + "T09:00"));
            runDueJobs();
            boolean last = month[0].equals("2026-03");
            if (month[0].equals("2026-01")) {
                uploadSignedSheet(id, month[0]);
                declareJanuaryWithASpreadsheet(id);
            } else {
                // no hour is confirmed without signatures: the month's signed sheet first
                HttpResponse<String> unsigned = submit(ORG, "Task_DeclareMonth", declaration(id, last));
                assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(400);
                assertThat(unsigned.body()).contains("ne sont appuyées par aucune signature", "mois " + month[0]);
                uploadSignedSheet(id, month[0]);
                expect(204, submit(ORG, "Task_DeclareMonth", declaration(id, last)));
            }
            expect(204, submit(ORG, "Task_ConfirmInvoice", vars("confirmed", true)));
            expect(204, submit(FUNDER, "Task_ValidateInvoice", vars("decision", "APPROVE")));
            expect(204, submit(FUNDER, "Task_RecordPayment", vars("paymentDate", month[1], "paymentReference", "VIR-" + month[0])));
        }

        JsonNode dossier = json(web.getAs(ORG, PASSWORD, "/api/dossiers/" + id).body());
        ArrayNode invoices = (ArrayNode) dossier.get("invoices");
        assertThat(invoices).hasSize(3);
        // 10 trainees × (47 completed + 2 missed-justified) centre hours × 7,00 € = 3 430,00 € a month (the missed-unjustified
        // hour is not paid); the numbers follow each other without gaps
        assertThat(invoices).allSatisfy(i -> assertThat(i.get("netCents").asLong()).isEqualTo(343_000L));
        assertThat(invoices).allSatisfy(i -> assertThat(i.get("status").asText()).isEqualTo("PAID"));
        long first = Long.parseLong(invoices.get(0).get("number").asText().substring(6));
        for (int i = 0; i < 3; i++) {
            assertThat(invoices.get(i).get("number").asText()).isEqualTo(String.format("F2026-%05d", first + i));
        }
        assertThat(dossier.get("phase").asText()).isEqualTo("EVALUATION");
        HttpResponse<String> pdf = web.getAs(FUNDER, PASSWORD, "/api/dossiers/" + id + "/invoices/" + invoices.get(0).get("id").asLong() + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(web.getAs("paul.roux", PASSWORD, "/api/dossiers/" + id + "/invoices/" + invoices.get(0).get("id").asLong() + ".pdf")
                .statusCode()).as("another organisation").isEqualTo(404);

        // the trainees and trainers evaluate through their single-use links (no account); the organisation validates skills
        JsonNode links = json(web.postJson(ORG, PASSWORD, "/api/dossiers/" + id + "/evaluation-links", "").body());
        assertThat(links.size()).isGreaterThan(1);
        for (JsonNode person : links) {
            String path = "/public/evaluations/" + person.get("token").asText();
            assertThat(web.call(null, null, "GET", path, null).body()).contains(person.get("personName").asText());
            HttpResponse<String> sent = web.call(null, null, "POST", path, person.get("kind").asText().equals("TRAINEE")
                    ? "{\"satisfaction\":4,\"comment\":\"Très concret.\"}" : "{\"comment\":\"Groupe attentif.\"}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        }
        expect(204, submit(ORG, "Task_Evaluations", evaluations(id)));
        expect(204, submit(FUNDER, "CallActivity_ValidateEvaluations", vars("decision", "APPROVE")));
        expect(204, submit(ORG, "Task_CloseAction", closure(id)));
        expect(204, submit(ORG, "Task_ConfirmBalance", vars("confirmed", true)));
        expect(204, submit(FUNDER, "CallActivity_ValidateClosure", vars("decision", "APPROVE")));
        // everything realised was already invoiced: a nil balance, nothing to pay
        assertThat(task("Task_RecordBalancePayment")).isNull();

        dossier = json(web.getAs(FUNDER, PASSWORD, "/api/dossiers/" + id).body());
        assertThat(dossier.get("phase").asText()).isEqualTo("FOLLOW_UP");
        JsonNode balance = dossier.get("invoices").get(3);
        assertThat(balance.get("kind").asText()).isEqualTo("BALANCE");
        // everything realised was already invoiced: the balance is zero, a « relevé de solde nul » outside the invoice series,
        // accepted with the closure and never « paid »
        assertThat(balance.get("netCents").asLong()).isZero();
        assertThat(balance.get("number").isNull()).as(balance.toString()).isTrue();
        assertThat(balance.get("status").asText()).isEqualTo("ACCEPTED");
        HttpResponse<String> statement = web.getAs(ORG, PASSWORD, "/api/dossiers/" + id + "/invoices/" + balance.get("id").asLong() + ".pdf");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).startsWith("%PDF-");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("followUpSurvey")
                .processInstanceBusinessKey(contract).count()).isEqualTo(10);
    }

    // ------------------------------------------------------------------ the forms as users fill them

    ObjectNode programme() {
        ObjectNode v = JSON.createObjectNode();
        put(v, "title", "Régie son et lumière");
        put(v, "objectives", "Installer et exploiter une régie son et lumière de spectacle.");
        put(v, "content", "Électricité (50 h), lumière (50 h), son (50 h), stage (30 h).");
        put(v, "formacode", "46254");
        put(v, "nature", "ACTION_DE_FORMATION");
        put(v, "collective", "true");
        put(v, "hoursCentre", 150);
        put(v, "hoursCompany", 30);
        put(v, "plannedStart", "2026-01-05");
        put(v, "plannedEnd", "2026-03-27");
        put(v, "location", "Montpellier");
        put(v, "totalTrainees", 12);
        put(v, "paidTrainees", 10);
        put(v, "priceCentreEuros", "12600,00");
        put(v, "priceCompanyEuros", "360,00");
        put(v, "unitCostCentreEuros", "7,00");
        put(v, "unitCostCompanyEuros", "1,00");
        putJson(v, "periods", "[{\"place\":\"CENTRE\",\"start\":\"2026-01-05\",\"end\":\"2026-03-13\"},"
                + "{\"place\":\"COMPANY\",\"start\":\"2026-03-16\",\"end\":\"2026-03-27\"}]");
        putJson(v, "clients", "[{\"name\":\"Opéra Orchestre national Montpellier\",\"siret\":\"77566820500013\"}]");
        putJson(v, "trainers", "[{\"lastName\":\"Garcia\",\"firstName\":\"Lucie\",\"domain\":\"Lumière\",\"status\":\"CDI\","
                + "\"hours\":100,\"experience\":\"Éclairagiste, 15 ans\"},{\"lastName\":\"Benali\",\"firstName\":\"Karim\","
                + "\"domain\":\"Son\",\"status\":\"VACATAIRE\",\"hours\":50,\"experience\":\"Ingénieur du son\"}]");
        return v;
    }

    ObjectNode traineesForm(int count) {
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            rows.addObject().put("civility", i % 2 == 0 ? "M" : "MME").put("lastName", "Apprenant" + (char) ('A' + i))
                    .put("firstName", "Prénom" + i).put("birthDate", "199" + i + "-03-1" + i).put("sex", i % 2 == 0 ? "M" : "F")
                    .put("nationality", "FR").put("address", i + " avenue de Toulouse").put("postcode", "34070").put("city", "Montpellier")
                    .put("entryDate", "2026-01-05").put("remunerationBody", "Région Occitanie").put("entryLevel", "4")
                    .put("ageBracket", "UNDER_26").put("unemploymentDuration", "OVER_12_MONTHS").put("prescriber", "Mission locale")
                    .put("paid", true);
        }
        ObjectNode v = JSON.createObjectNode();
        putJson(v, "trainees", rows.toString());
        return v;
    }

    ObjectNode declaration(long id, boolean last) {
        ArrayNode rows = JSON.createArrayNode();
        String month = formVariableText("Task_DeclareMonth", "absenceProofHint").replaceAll(".*mois (\\d{4}-\\d{2}).*", "$1");
        for (JsonNode row : formVariable("Task_DeclareMonth", "hours")) {
            ObjectNode line = rows.addObject().put("traineeId", row.get("traineeId").asLong()).put("centreCompleted", 47)
                    .put("centreJustified", 2).put("centreUnjustified", 1);
            if (last) {
                line.put("exitDate", "2026-03-27").put("exitType", "END_OF_TRAINING");
            }
        }
        assertThat(rows).hasSize(10);
        ObjectNode v = JSON.createObjectNode();
        putJson(v, "hours", rows.toString());
        putJson(v, "absences", absences(month));
        put(v, "confirmed", true);
        return v;
    }

    /** Each trainee's 2 justified hours of the month, detailed: a medical appointment on the 2nd Tuesday's afternoon. */
    String absences(String month) {
        java.time.LocalDate day = java.time.YearMonth.parse(month).atDay(1)
                .with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(2, java.time.DayOfWeek.TUESDAY));
        ArrayNode absences = JSON.createArrayNode();
        for (JsonNode row : formVariable("Task_DeclareMonth", "hours")) {
            absences.addObject().put("traineeId", row.get("traineeId").asLong()).put("start", day.toString()).put("end", day.toString())
                    .put("reason", "Rendez-vous médical").put("place", "CENTRE").put("hours", 2);
        }
        return absences.toString();
    }

    /** January as a 30-trainee organisation would do it: export the month, fill it in a spreadsheet, import it, confirm. */
    void declareJanuaryWithASpreadsheet(long id) {
        String exported = expect(200, web.getAs(ORG, PASSWORD, "/api/dossiers/" + id + "/months/2026-01/declaration.csv")).body();
        String[] lines = exported.split("\r?\n");
        assertThat(lines).hasSize(11);
        StringBuilder filled = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(";", -1);
            cells[3] = "47";
            cells[4] = "2";
            cells[5] = "1";
            filled.append(String.join(";", cells)).append('\n');
        }
        JsonNode imported = json(expect(200, web.upload(ORG, PASSWORD, "/api/dossiers/" + id + "/months/2026-01/declaration.csv",
                Map.of(), "janvier.csv", filled.toString().getBytes(StandardCharsets.UTF_8))));
        assertThat(imported.get("imported").asInt()).isEqualTo(10);
        assertThat(json(web.getAs(ORG, PASSWORD, "/api/dossiers/" + id + "/hours").body()).get("realisationRate").decimalValue())
                .as("not confirmed yet").isZero();
        ObjectNode confirm = JSON.createObjectNode();
        putJson(confirm, "hours", formVariableText("Task_DeclareMonth", "hours"));
        putJson(confirm, "absences", absences("2026-01"));
        put(confirm, "confirmed", true);
        expect(204, submit(ORG, "Task_DeclareMonth", confirm));
        JsonNode hours = json(web.getAs(FUNDER, PASSWORD, "/api/dossiers/" + id + "/hours").body());
        // (47 + 2) h × 10 trainees / (180 h × 12 planned trainees) = 22.685… %, truncated like the thresholds' comparison
        assertThat(hours.get("realisationRate").decimalValue()).isEqualByComparingTo("22.68");
        assertThat(hours.get("trainees").get(0).get("months").get("2026-01").get("centreUnjustified").decimalValue()).isEqualByComparingTo("1");
    }

    ObjectNode evaluations(long id) {
        ArrayNode rows = JSON.createArrayNode();
        for (JsonNode row : formVariable("Task_Evaluations", "evaluations")) {
            assertThat(row.get("satisfaction").asText()).as("the trainee's own rating").isEqualTo("4");
            rows.addObject().put("traineeId", row.get("traineeId").asLong()).put("result", "ACQUIRED");
        }
        ObjectNode v = JSON.createObjectNode();
        putJson(v, "evaluations", rows.toString());
        return v;
    }

    ObjectNode closure(long id) {
        ArrayNode rows = JSON.createArrayNode();
        for (JsonNode row : formVariable("Task_CloseAction", "surveys")) {
            rows.addObject().put("traineeId", row.get("traineeId").asLong()).put("situation", "JOB_IN_SECTOR").put("contract", "CDD_UNDER_6_MONTHS");
        }
        ObjectNode v = JSON.createObjectNode();
        putJson(v, "surveys", rows.toString());
        put(v, "realEnd", "2026-03-27");
        put(v, "pedagogicalReport", "Dix stagiaires sortis en fin de formation, tous en emploi dans le secteur.");
        return v;
    }

    /** The month's signed attendance sheet and the proofs of its justified absences, as the organisation uploads them. */
    void uploadSignedSheet(long id, String month) throws Exception {
        expect(201, web.upload(ORG, PASSWORD, "/api/dossiers/" + id + "/documents", Map.of("type", "ATTENDANCE_SHEET", "month", month),
                "emargement-" + month + ".pdf", fr.formaflow.support.DossierDriver.pdf()));
        expect(201, web.upload(ORG, PASSWORD, "/api/dossiers/" + id + "/documents", Map.of("type", "ABSENCE_PROOF", "month", month),
                "justificatifs-" + month + ".pdf", fr.formaflow.support.DossierDriver.pdf()));
    }

    void uploadContractDocuments(long id) throws Exception {
        byte[] pdf = fr.formaflow.support.DossierDriver.pdf();
        for (String type : new String[] {"SUBCONTRACTING_CONTRACT", "SIGNED_AGREEMENT"}) {
            expect(201, web.upload(ORG, PASSWORD, "/api/dossiers/" + id + "/documents", Map.of("type", type), type + ".pdf", pdf));
        }
        assertThat(json(web.upload(ORG, PASSWORD, "/api/dossiers/" + id + "/documents", Map.of("type", "SIGNED_AGREEMENT"), "photo.jpg",
                "GIF89a-not-accepted".getBytes(StandardCharsets.US_ASCII)).body()).toString()).contains("n'est ni un PDF, ni une image JPEG ou PNG");
        JsonNode contractTask = task("Task_Contract");
        assertThat(contractTask).isNotNull();
        // the task's « Dossier » panel: the dossier has no subcontractor, so no subcontracting contract is asked for
        JsonNode checklist = json(web.getAs(ORG, PASSWORD, "/api/tasks/" + contractTask.get("id").asText() + "/workspace").body()).get("checklist");
        assertThat(checklist.toString()).contains("{\"label\":\"Convention de formation signée par le client\",\"present\":true}")
                .contains("{\"label\":\"CV du formateur (pour chaque formateur)\",\"present\":false}")
                .doesNotContain("Contrat de sous-traitance signé");
        JsonNode dossier = json(web.getAs(ORG, PASSWORD, "/api/dossiers/" + id).body());
        // the two uploads, the training agreement and the two trainers' contracts Formaflow prepared for signature
        assertThat(dossier.get("documents")).hasSize(5);
        assertThat(dossier.get("documents").toString()).contains("\"type\":\"TRAINING_AGREEMENT\"", "\"type\":\"TRAINER_CONTRACT_DRAFT\"",
                "\"taskName\":\"Contractualiser l'action\"");
        for (String trainerId : trainerIds(id)) {
            for (String type : new String[] {"TRAINER_CONTRACT", "TRAINER_CHARTER", "TRAINER_CV", "TRAINER_ID"}) {
                expect(201, web.upload(ORG, PASSWORD, "/api/dossiers/" + id + "/documents", Map.of("type", type, "trainerId", trainerId),
                        type + ".pdf", pdf));
            }
        }
    }

    java.util.List<String> trainerIds(long id) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        json(web.getAs(ORG, PASSWORD, "/api/dossiers/" + id).body()).get("trainers").forEach(t -> ids.add(t.get("id").asText()));
        assertThat(ids).hasSize(2);
        return ids;
    }

    // ------------------------------------------------------------------ engine REST plumbing

    HttpResponse<String> submit(String user, String taskKey, ObjectNode values) {
        JsonNode task = task(taskKey);
        assertThat(task).as(() -> "open task " + taskKey + " of " + contract + ": " + web.getAs(user, PASSWORD,
                "/engine-rest/task?processInstanceBusinessKey=" + encode(contract)).body() + " / in the engine: "
                + taskService.createTaskQuery().processInstanceBusinessKey(contract).list().stream()
                        .map(t -> t.getTaskDefinitionKey() + "@" + t.getProcessInstanceId()).toList()
                + " / instances: " + runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(contract).count()).isNotNull();
        ObjectNode variables = JSON.createObjectNode();
        values.fields().forEachRemaining(e -> variables.set(e.getKey(), e.getValue()));
        HttpResponse<String> response = web.postJson(user, PASSWORD, "/engine-rest/task/" + task.get("id").asText() + "/submit-form",
                JSON.createObjectNode().set("variables", variables).toString());
        runAsyncSteps();
        return response;
    }

    /** The job executor is off in tests: run the asynchronous steps (document generation) as it would. */
    void runAsyncSteps() {
        fr.formaflow.support.DossierDriver.runAsyncSteps(engine, contract);
    }

    JsonNode task(String taskKey) {
        // a funder's validation is the task of step-validation.bpmn called by the step's call activity
        boolean validation = taskKey.startsWith("CallActivity_Validate");
        String user = validation || taskKey.startsWith("Task_Validate") || taskKey.startsWith("Task_Record") || taskKey.startsWith("Task_Review")
                ? FUNDER : ORG;
        JsonNode tasks = json(web.getAs(user, PASSWORD, "/engine-rest/task?processInstanceBusinessKey=" + encode(contract)
                + "&taskDefinitionKey=" + (validation ? StepProperties.VALIDATION_TASK : taskKey)).body());
        if (tasks.size() != 1 || validation && !taskKey.equals(StepProperties.stepKey(engine,
                taskService.createTaskQuery().taskId(tasks.get(0).get("id").asText()).singleResult()))) {
            return null;
        }
        return tasks.get(0);
    }

    /** A form variable as Tasklist loads it (not deserialized: JSON lists come as text). */
    JsonNode formVariable(String taskKey, String name) {
        return json(formVariableText(taskKey, name));
    }

    String formVariableText(String taskKey, String name) {
        return formVariableNode(taskKey, name).asText();
    }

    JsonNode formVariableNode(String taskKey, String name) {
        JsonNode variables = json(web.getAs(ORG, PASSWORD, "/engine-rest/task/" + task(taskKey).get("id").asText()
                + "/form-variables?deserializeValues=false&variableNames=" + name).body());
        return variables.get(name).get("value");
    }

    void runDueJobs() {
        for (Job job : managementService.createJobQuery().duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000)).list()) {
            String instance = job.getProcessInstanceId();
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).processInstanceBusinessKey(contract).count() > 0) {
                managementService.executeJob(job.getId());
            }
        }
        runAsyncSteps();
    }

    static ObjectNode vars(Object... keysAndValues) {
        ObjectNode v = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            put(v, (String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return v;
    }

    static void put(ObjectNode variables, String name, Object value) {
        variables.set(name, JSON.createObjectNode().set("value", JSON.valueToTree(value)));
    }

    /** A dynamic list, sent as Tasklist sends it: a JSON variable. */
    static void putJson(ObjectNode variables, String name, String json) {
        variables.set(name, JSON.createObjectNode().put("value", json).put("type", "Json"));
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
