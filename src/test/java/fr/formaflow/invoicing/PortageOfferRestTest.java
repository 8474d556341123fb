package fr.formaflow.invoicing;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The portage platform's offers over HTTP: the demo grid, the offer that fits, the offer chosen on a dossier, and who may see it. */
@FormaflowTest
class PortageOfferRestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    WebClient http;
    DossierDriver driver;

    @BeforeEach
    void setUp() {
        http = new WebClient("http://localhost:" + port);
        driver = new DossierDriver(context);
    }

    @Test
    void anOrganisationReadsThePlatformsOffersAndTheOneThatCorrespondsToItsAction() throws Exception {
        JsonNode offers = json(http.getAs(ORGANISATION_USER, PASSWORD, "/api/funders/" + DemoData.PORTAGE + "/portage-offers"));
        assertThat(codes(offers)).containsExactly("ESSENTIEL", "GROUPE", "SUR_MESURE");
        assertThat(offers.get(0).get("grid").asText()).isEqualTo("12 % jusqu'à 3\u202f000,00\u00a0€ ; 10 % au-delà ; minimum 150,00\u00a0€ (HT)");
        assertThat(offers.get(1).get("included").size()).isGreaterThan(offers.get(0).get("included").size());

        JsonNode match = json(http.getAs(ORGANISATION_USER, PASSWORD, "/api/funders/" + DemoData.PORTAGE
                + "/portage-offers/match?trainees=6&amount=20000,00"));
        assertThat(match.get(1).get("recommended").asBoolean()).isTrue();
        assertThat(match.get(1).get("feeCents").asLong()).isEqualTo(1_400_00);
        assertThat(match.get(0).get("fits").asBoolean()).isFalse();
        assertThat(match.get(0).get("whyNot").asText()).contains("de 1 à 3 stagiaires");

        HttpResponse<String> noCount = http.getAs(ORGANISATION_USER, PASSWORD, "/api/funders/" + DemoData.PORTAGE + "/portage-offers/match?amount=10");
        assertThat(noCount.statusCode()).isEqualTo(422);
        assertThat(noCount.body()).contains("Indiquez le nombre de stagiaires");
        HttpResponse<String> notAPlatform = http.getAs(ORGANISATION_USER, PASSWORD, "/api/funders/" + REGION + "/portage-offers");
        assertThat(notAPlatform.statusCode()).isEqualTo(404);
        assertThat(notAPlatform.body()).contains("Aucune plateforme de portage n'a le code");
    }

    @Test
    void theOrganisationChoosesAnOfferThatFitsItsDossierAndNobodyElseSeesOrChangesIt() throws Exception {
        TrainingAction action = driver.create(ORGANISATION_USER, DemoData.PORTAGE, "Régie plateau");
        String offers = "/api/dossiers/" + action.getId() + "/portage-offers";
        String choice = "/api/dossiers/" + action.getId() + "/portage-offer";
        // before the programme, the platform cannot tell which offer fits; the organisation may already pick one
        HttpResponse<String> early = http.getAs(ORGANISATION_USER, PASSWORD, offers);
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("Le nombre de stagiaires de l'action n'est pas encore renseigné");
        assertThat(put(ORGANISATION_USER, choice, "{\"code\":\"GROUPE\"}").statusCode()).isEqualTo(200);

        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        JsonNode proposals = json(http.getAs(ORGANISATION_USER, PASSWORD, offers));
        assertThat(codes(proposals)).containsExactly("ESSENTIEL", "GROUPE", "SUR_MESURE");
        assertThat(proposals.get(0).get("recommended").asBoolean()).as("« l'offre qui vous correspond »").isTrue();
        assertThat(proposals.get(1).get("chosen").asBoolean()).isTrue();
        assertThat(proposals.get(1).get("fits").asBoolean()).isFalse();

        HttpResponse<String> unfit = put(ORGANISATION_USER, choice, "{\"code\":\"GROUPE\"}");
        assertThat(unfit.statusCode()).isEqualTo(422);
        assertThat(unfit.body()).contains("L'offre « Groupe » est réservée aux actions de 4 à 12 stagiaires ; la vôtre en compte 2.");
        HttpResponse<String> unknown = put(ORGANISATION_USER, choice, "{\"code\":\"PREMIUM\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("« PREMIUM » n'est pas une offre de Portage Formation Sud.");
        HttpResponse<String> chosen = put(ORGANISATION_USER, choice, "{\"code\":\"ESSENTIEL\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(json(chosen).get("code").asText()).isEqualTo("ESSENTIEL");
        assertThat(driver.reload(action).getPortageOfferId()).isNotNull();

        // the platform's validator reads it; it cannot choose for the organisation
        assertThat(json(http.getAs("hugo.lambert", PASSWORD, offers)).get(0).get("chosen").asBoolean()).isTrue();
        assertThat(put("hugo.lambert", choice, "{\"code\":\"SUR_MESURE\"}").statusCode()).isIn(403, 404);
        // another organisation and another funder's validator neither see nor change it
        for (String stranger : List.of("paul.roux", "sophie.martin", "claire.fabre")) {
            assertThat(http.getAs(stranger, PASSWORD, offers).statusCode()).as(stranger).isIn(403, 404);
            assertThat(put(stranger, choice, "{\"code\":\"SUR_MESURE\"}").statusCode()).as(stranger).isIn(403, 404);
        }
        assertThat(json(http.getAs(ORGANISATION_USER, PASSWORD, offers)).get(0).get("chosen").asBoolean()).isTrue();

        // a Région dossier has no platform offer
        TrainingAction region = driver.create(ORGANISATION_USER, REGION, "Costumier");
        assertThat(json(http.getAs(ORGANISATION_USER, PASSWORD, "/api/dossiers/" + region.getId() + "/portage-offers"))).isEmpty();
        HttpResponse<String> notPortage = put(ORGANISATION_USER, "/api/dossiers/" + region.getId() + "/portage-offer", "{\"code\":\"ESSENTIEL\"}");
        assertThat(notPortage.statusCode()).isEqualTo(422);
        assertThat(notPortage.body()).contains("n'est pas financé par une plateforme de portage");
    }

    private HttpResponse<String> put(String user, String path, String body) {
        return http.call(user, PASSWORD, "PUT", path, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> codes(JsonNode lines) {
        List<String> codes = new ArrayList<>();
        lines.forEach(l -> codes.add(l.has("offer") ? l.get("offer").get("code").asText() : l.get("code").asText()));
        return codes;
    }
}
