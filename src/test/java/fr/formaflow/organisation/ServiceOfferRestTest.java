package fr.formaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seed 001 (issue 24): Formiris sends a « proposition d'offre de service », the organisation completes and returns it,
 * Formiris validates it or rejects it with reasons; both see its status, nobody else sees it.
 */
@FormaflowTest
class ServiceOfferRestTest {

    static final String PASSWORD = "formaflow";
    static final String ORGANISATION = "marie.durand";
    static final String SIRET = "42110064500017";
    static final String REGIONAL = "lea.garnier";
    static final String NATIONAL = "antoine.brun";

    @LocalServerPort
    int port;
    final ObjectMapper json = new ObjectMapper();
    static final String ORGANISATION_EMAIL = "marie.durand@scenes-formations.fr";
    WebClient http;
    Mailbox mailbox;

    @BeforeEach
    void client() {
        http = new WebClient("http://localhost:" + port);
        mailbox = Mailbox.open();
    }

    static final String ANSWER = "{\"trainingDomains\":\"Pédagogie différenciée, numérique éducatif\",\"audiences\":\"Enseignants de collège\","
            + "\"interventionArea\":\"Occitanie\",\"trainers\":\"Claire Lambert, professeure de lettres\",\"dailyRate\":1200.50,"
            + "\"signatoryName\":\"Marie Durand\",\"signatoryRole\":\"Gérante\",\"certified\":true}";

    @Test
    void sentCompletedReturnedThenRejectedWithReasonsEachStepSeenByBothSides() throws Exception {
        HttpResponse<String> sent = call(REGIONAL, "POST", "/api/service-offers", "{\"funderCode\":\"FORMIRIS\",\"siret\":\"421 100 645 00017\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode offer = json.readTree(sent.body());
        String path = "/api/service-offers/" + offer.get("id").asText();
        assertThat(offer.get("status").asText()).isEqualTo("SENT");
        assertThat(offer.get("scope").asText()).isEqualTo("régional");
        assertThat(mailbox.last(ORGANISATION_EMAIL).subject()).isEqualTo("Proposition d'offre de service de Formiris à compléter");

        JsonNode seen = json.readTree(call(ORGANISATION, "GET", path, null).body());
        assertThat(seen.get("statusLabel").asText()).isEqualTo("Envoyée à l'organisme, à compléter");
        assertThat(seen.get("canAnswer").asBoolean()).isTrue();
        assertThat(call(ORGANISATION, "GET", "/api/service-offers", null).body()).contains("\"id\":" + offer.get("id").asText());
        try (PDDocument pdf = Loader.loadPDF(http.getBytes(ORGANISATION, PASSWORD, path + "/pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Proposition d'offre de service",
                    "Domaines de formation proposés (à compléter)", "Scènes et Formations");
        }

        HttpResponse<String> incomplete = call(ORGANISATION, "PUT", path + "/answer", "{\"trainingDomains\":\"Pédagogie\"}");
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("« Publics visés » est obligatoire.", "Cochez « Je certifie");
        assertThat(json.readTree(call(REGIONAL, "GET", path, null).body()).get("status").asText()).isEqualTo("SENT");
        assertThat(call(REGIONAL, "PUT", path + "/answer", ANSWER).statusCode()).isEqualTo(403);
        assertThat(call(REGIONAL, "POST", path + "/decision", "{\"accepted\":true}").body()).contains("pas encore renvoyé");

        HttpResponse<String> returned = call(ORGANISATION, "PUT", path + "/answer", ANSWER);
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        JsonNode toDecide = json.readTree(call(REGIONAL, "GET", path, null).body());
        assertThat(toDecide.get("status").asText()).isEqualTo("RETURNED");
        assertThat(toDecide.get("canDecide").asBoolean()).isTrue();
        assertThat(toDecide.get("dailyRate").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(call(ORGANISATION, "PUT", path + "/answer", ANSWER).statusCode()).isEqualTo(422);
        assertThat(call(ORGANISATION, "POST", path + "/decision", "{\"accepted\":true}").statusCode()).isEqualTo(403);

        HttpResponse<String> noReason = call(REGIONAL, "POST", path + "/decision", "{\"accepted\":false,\"reason\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Indiquez les motifs du rejet");
        assertThat(call(REGIONAL, "POST", path + "/decision", "{\"accepted\":false,\"reason\":\"Tarif au-dessus du barème régional.\"}")
                .statusCode()).isEqualTo(200);
        Mailbox.Mail decision = mailbox.last(ORGANISATION_EMAIL);
        assertThat(decision.subject()).isEqualTo("Proposition d'offre de service rejetée par Formiris");
        assertThat(decision.body()).contains("Motifs : Tarif au-dessus du barème régional.");
        JsonNode decided = json.readTree(call(ORGANISATION, "GET", path, null).body());
        assertThat(decided.get("statusLabel").asText()).isEqualTo("Rejetée");
        assertThat(decided.get("decisionReason").asText()).isEqualTo("Tarif au-dessus du barème régional.");
        try (PDDocument pdf = Loader.loadPDF(http.getBytes(REGIONAL, PASSWORD, path + "/pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Statut : Rejetée",
                    "Motifs : Tarif au-dessus du barème régional.", fr.formaflow.platform.French.euros(120_050));
        }
        assertThat(call(REGIONAL, "POST", path + "/decision", "{\"accepted\":true}").statusCode()).isEqualTo(422);
    }

    @Test
    void noOtherOrganisationNorOtherScopeNorOtherFunderSeesOrActsOnIt() throws Exception {
        JsonNode offer = json.readTree(call(NATIONAL, "POST", "/api/service-offers", "{\"funderCode\":\"FORMIRIS\",\"siret\":\"" + SIRET + "\"}").body());
        assertThat(offer.get("scope").asText()).isEqualTo("national");
        String path = "/api/service-offers/" + offer.get("id").asText();
        for (String stranger : new String[] {"paul.roux", REGIONAL, "julien.morel"}) {
            assertThat(call(stranger, "GET", path, null).statusCode()).as(stranger).isEqualTo(404);
            assertThat(call(stranger, "GET", path + "/pdf", null).statusCode()).as(stranger).isEqualTo(404);
            assertThat(call(stranger, "PUT", path + "/answer", ANSWER).statusCode()).as(stranger).isEqualTo(404);
            assertThat(call(stranger, "POST", path + "/decision", "{\"accepted\":true}").statusCode()).as(stranger).isEqualTo(404);
            assertThat(call(stranger, "GET", "/api/service-offers", null).body()).as(stranger).doesNotContain("\"id\":" + offer.get("id").asText() + ",");
        }
        // only Formiris' validators send Formiris' proposals; an unknown SIRET is named
        assertThat(call("julien.morel", "POST", "/api/service-offers", "{\"funderCode\":\"FORMIRIS\",\"siret\":\"" + SIRET + "\"}").statusCode())
                .isEqualTo(403);
        assertThat(call(ORGANISATION, "POST", "/api/service-offers", "{\"funderCode\":\"FORMIRIS\",\"siret\":\"" + SIRET + "\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = call(NATIONAL, "POST", "/api/service-offers", "{\"funderCode\":\"FORMIRIS\",\"siret\":\"73282932000074\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Aucun organisme de formation n'a le SIRET « 73282932000074 »");
    }

    private HttpResponse<String> call(String user, String method, String path, String body) {
        return http.call(user, PASSWORD, method, path, body);
    }
}
