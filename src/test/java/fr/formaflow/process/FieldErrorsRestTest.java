package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A refused task form names the fields its sentences concern (by the form's keys), so that Tasklist shows each sentence
 * under its field; the whole message stays as before, and nothing is written.
 */
@FormaflowTest
class FieldErrorsRestTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aRefusedSubmissionNamesEachSentencesField() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        WebClient web = new WebClient("http://localhost:" + port);
        TrainingAction action = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Champs fautifs");
        String submit = "/engine-rest/task/" + driver.task(action, "Task_SubmitDossier").getId() + "/submit-form";

        // a value that cannot be read: its own field
        JsonNode unreadable = refused(web, submit, "{\"variables\":{\"hoursCentre\":{\"value\":\"douze\"}}}");
        assertThat(texts(unreadable.path("fields").path("hoursCentre"))).containsExactly("« Durée en centre » : « douze » n'est pas un nombre.");
        assertThat(unreadable.path("message").asText()).contains("« douze » n'est pas un nombre");

        // broken rules: each under the field the form shows (amounts are typed in euros), lists as a whole
        JsonNode rules = refused(web, submit, "{\"variables\":{\"formacode\":{\"value\":\"12\"},"
                + "\"periods\":{\"value\":\"[{\\\"place\\\":\\\"CENTRE\\\",\\\"start\\\":\\\"2026-03-01\\\",\\\"end\\\":\\\"2026-02-01\\\"}]\",\"type\":\"Json\"}}}");
        JsonNode fields = rules.path("fields");
        assertThat(texts(fields.path("formacode"))).containsExactly("Le Formacode « 12 » doit comporter 5 chiffres.");
        assertThat(texts(fields.path("location"))).containsExactly("Le champ « Lieu de l'action » est obligatoire.");
        assertThat(texts(fields.path("priceCentreEuros"))).containsExactly("Le champ « Prix total en centre » est obligatoire.");
        assertThat(texts(fields.path("periods"))).containsExactly("Période 1 : la date de fin précède la date de début.");
        assertThat(fields.has("priceCentreCents")).isFalse();
        assertThat(rules.path("message").asText()).startsWith("Le dossier ne peut pas être déposé :")
                .contains("Le Formacode « 12 » doit comporter 5 chiffres.");

        // a key the form does not declare concerns no field of it; a list sent as one value concerns its field
        JsonNode shape = refused(web, submit, "{\"variables\":{\"approved\":{\"value\":true},\"title\":{\"value\":\"[1]\",\"type\":\"Json\"}}}");
        assertThat(shape.path("fields").has("approved")).isFalse();
        assertThat(texts(shape.path("fields").path("title"))).containsExactly("« title » n'a pas la forme attendue (une seule valeur).");
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_SubmitDossier");
    }

    private static JsonNode refused(WebClient web, String path, String body) throws Exception {
        HttpResponse<String> response = web.call(DossierDriver.ORGANISATION_USER, "formaflow", "POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
