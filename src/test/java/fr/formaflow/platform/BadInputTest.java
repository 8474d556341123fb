package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.DemoData;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 27's inputs that ended in a 500: each now gets a French 400 (or 404) naming what is wrong, and nothing is
 * written. Lengths are checked at the edge, one character over the column's limit.
 */
@FormaflowTest
class BadInputTest {

    static final String USER = DossierDriver.ORGANISATION_USER;
    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;

    @Test
    void tooLongFieldsAndOutOfRangeYearsGetAFrench400() throws Exception {
        WebClient http = new WebClient("http://localhost:" + port);
        assertRefused(http.call(USER, PASSWORD, "POST", "/api/dossiers", json(Map.of("funderCode", DemoData.REGION, "title", "a".repeat(256)))),
                "« Intitulé » ne doit pas dépasser 255 caractères (256 reçus).");
        // issue 27: 99999 or -2026 made contract numbers 99999QCA0001, -2026QCA0001; the year is this one, the one
        // before or one of the next two
        int thisYear = java.time.LocalDate.now().getYear();
        for (int year : new int[] {99999, -2026, 0, thisYear - 2, thisYear + 3, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertRefused(http.call(USER, PASSWORD, "POST", "/api/dossiers",
                    json(Map.of("funderCode", DemoData.REGION, "title", "Régie", "programmingYear", year))),
                    "« Année de programmation » doit être comprise entre " + (thisYear - 1) + " et " + (thisYear + 2) + " (" + year + " reçu).");
        }
        for (String year : new String[] {"99999999999", "\"deux mille\"", "[2026]", "{}"}) {
            HttpResponse<String> garbled = http.call(USER, PASSWORD, "POST", "/api/dossiers",
                    "{\"funderCode\":\"" + DemoData.REGION + "\",\"title\":\"Régie\",\"programmingYear\":" + year + "}");
            assertThat(garbled.statusCode()).as(year + ": " + garbled.body()).isEqualTo(400);
        }
        HttpResponse<String> created = http.call(USER, PASSWORD, "POST", "/api/dossiers",
                json(Map.of("funderCode", DemoData.REGION, "title", "a".repeat(255), "programmingYear", 2026)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = new ObjectMapper().readTree(created.body()).get("id").asLong();

        // the same limit on the submission form, through the engine's REST API
        String submit = taskService.createTaskQuery().processInstanceBusinessKey(new ObjectMapper().readTree(created.body())
                .get("contractNumber").asText()).singleResult().getId();
        HttpResponse<String> submitted = http.call(USER, PASSWORD, "POST", "/engine-rest/task/" + submit + "/submit-form",
                "{\"variables\":{\"title\":{\"value\":\"" + "t".repeat(256) + "\"}}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.body()).contains("« Intitulé » ne doit pas dépasser 255 caractères");
        assertRefused(http.call(USER, PASSWORD, "POST", "/api/dossiers/" + id + "/change-requests",
                json(Map.of("kind", "TRAINEE", "description", "d".repeat(2001)))), "« Description »");
        assertRefused(http.call(USER, PASSWORD, "POST", "/api/dossiers/" + id + "/subcontractor-invoices",
                json(Map.of("subcontractorSiret", DemoData.SUBCONTRACTOR_SIRET, "reference", "R".repeat(101), "amountEuros", "100,00"))),
                "« Référence de la facture »");
        assertRefused(http.upload(USER, PASSWORD, "/api/dossiers/" + id + "/documents", Map.of("type", "SUBCONTRACTING_CONTRACT"),
                "f".repeat(300) + ".pdf", DossierDriver.pdf()), "« Nom du fichier »");
        assertRefused(http.call(USER, PASSWORD, "PUT", "/api/organisation/contact", json(Map.of("street", "s".repeat(256), "postcode", "34000",
                "city", "Montpellier", "phone", "0467000000", "email", "contact@scenes-formations.fr", "contactName", "Marie Durand"))), "« Adresse »");
        assertRefused(http.call(null, null, "POST", "/public/access-requests", json(Map.of("siret", DemoData.TITULAR_SIRET,
                "user", Map.of("email", "long.nom@scenes-formations.fr", "firstName", "P".repeat(101), "lastName", "N".repeat(300))))),
                "« Prénom »", "« Nom »");
    }

    @Test
    void theErrorPageAndTheEngineRestCasesNoLongerEndIn500() {
        WebClient http = new WebClient("http://localhost:" + port);
        assertThat(http.get("/error").statusCode()).isEqualTo(404);

        // another organisation's task: the same answer as a task that does not exist, and the task is still there
        DossierDriver driver = new DossierDriver(context());
        var dossier = driver.create(USER, DemoData.REGION, "Tâche d'autrui");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(dossier.getContractNumber()).singleResult().getId();
        HttpResponse<String> foreign = http.call("sophie.martin", PASSWORD, "DELETE", "/engine-rest/task/" + taskId, null);
        HttpResponse<String> missing = http.call("sophie.martin", PASSWORD, "DELETE", "/engine-rest/task/aucune-tache", null);
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(http.call(USER, PASSWORD, "DELETE", "/engine-rest/task/" + taskId, null).statusCode()).isEqualTo(404);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        for (String path : new String[] {"/engine-rest/process-instance/job-retries", "/engine-rest/condition"}) {
            HttpResponse<String> response = http.call(USER, PASSWORD, "POST", path, "{}");
            assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(400, 404);
            assertThat(response.body()).as(path).doesNotContain("Exception");
        }
    }

    @Test
    void controlCharactersInASearchGetAFrench400() {
        WebClient http = new WebClient("http://localhost:" + port);
        // a NUL ended in a 500 on PostgreSQL (HostileInputTest); tabs stay ordinary text
        assertRefused(http.call(USER, PASSWORD, "GET", "/api/dossiers/search?q=%00&state=%00", null),
                "Le paramètre « q » contient des caractères de contrôle");
        assertRefused(http.call(null, null, "GET", "/public/offers?q=a%1Bb", null), "caractères de contrôle");
        assertThat(http.call(USER, PASSWORD, "GET", "/api/dossiers/search?q=a%09b", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyGivenTwiceGetsAFrench400() {
        // Jackson reports a record's duplicate property as a type definition error: it ended in a 500 (HostileInputTest)
        WebClient http = new WebClient("http://localhost:" + port);
        assertRefused(http.call(null, null, "POST", "/public/password-resets", "{\"login\":\"a\",\"login\":\"b\"}"),
                "La requête est illisible");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private org.springframework.context.ApplicationContext context() {
        return context;
    }

    private static void assertRefused(HttpResponse<String> response, String... sentences) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(sentences);
    }

    private static String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
