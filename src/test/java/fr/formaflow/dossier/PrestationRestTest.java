package fr.formaflow.dossier;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Seed 001 (issue 24): a Formiris dossier's prestation, its tabs, its mandatory « type de coût des sessions » and several
 * sessions, each with its own dates, place, seats and costs; written by the dossier's organisation, read by its validators.
 */
@FormaflowTest
public class PrestationRestTest {

    static final String PASSWORD = "formaflow";
    static final String OTHER_ORGANISATION = "paul.roux";
    static final String REGIONAL_VALIDATOR = "lea.garnier";
    static final String NATIONAL_VALIDATOR = "antoine.brun";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    final ObjectMapper json = new ObjectMapper();
    DossierDriver driver;
    WebClient http;
    TrainingAction dossier;

    @BeforeEach
    void aRegionalFormirisDossier() {
        driver = new DossierDriver(context);
        http = new WebClient("http://localhost:" + port);
        dossier = driver.create(ORGANISATION_USER, driver.formirisFunder(), "Prestation à référencer", GeographicScope.REGIONAL);
    }

    public static String session(String id, String start, String end, String hours, String venue, int seats, String cost, String extra) {
        return "{" + (id == null ? "" : "\"id\":" + id + ",") + "\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\",\"hours\":" + hours
                + ",\"venue\":\"" + venue + "\",\"city\":\"Montpellier\",\"seats\":" + seats + ",\"cost\":" + cost
                + (extra == null ? "" : ",\"extraCosts\":" + extra) + "}";
    }

    public static String prestation(String costType, String... sessions) {
        return "{\"title\":\"Pédagogie différenciée au collège\",\"objectives\":\"Adapter son enseignement à l'hétérogénéité des élèves.\","
                + "\"audience\":\"Enseignants de collège\",\"summary\":\"Deux sessions de deux jours.\","
                + "\"content\":\"Jour 1 : diagnostic. Jour 2 : différenciation.\",\"registrationDeadline\":\"2027-01-04\""
                + (costType == null ? "" : ",\"sessionCostType\":\"" + costType + "\"")
                + ",\"sessions\":[" + String.join(",", sessions) + "]}";
    }

    @Test
    void theOrganisationSavesSeveralSessionsEachWithItsOwnDatesPlacesAndCosts() throws Exception {
        HttpResponse<String> saved = put(ORGANISATION_USER, prestation("PER_PARTICIPANT",
                session(null, "2027-01-11", "2027-01-12", "12", "Lycée Saint-Joseph", 15, "180.00", "35.50"),
                session(null, "2027-03-08", "2027-03-09", "12.5", "Collège Saint-Roch", 12, "190", null)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        JsonNode view = json.readTree(get(REGIONAL_VALIDATOR).body());
        assertThat(view.get("applies").asBoolean()).isTrue();
        assertThat(view.get("editable").asBoolean()).isFalse();
        JsonNode p = view.get("prestation");
        assertThat(p.get("sessionCostType").asText()).isEqualTo("PER_PARTICIPANT");
        assertThat(p.get("sessionCostTypeLabel").asText()).isEqualTo("Coût par participant");
        JsonNode sessions = p.get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).get("startDate").asText()).isEqualTo("2027-01-11");
        assertThat(sessions.get(0).get("venue").asText()).isEqualTo("Lycée Saint-Joseph");
        // 15 × 180.00 + 35.50 and 12 × 190 + 0
        assertThat(sessions.get(0).get("total").decimalValue()).isEqualByComparingTo("2735.50");
        assertThat(sessions.get(1).get("total").decimalValue()).isEqualByComparingTo("2280.00");
        assertThat(sessions.get(1).get("hours").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(p.get("total").decimalValue()).isEqualByComparingTo("5015.50");

        // the organisation changes the first session, drops the second and adds a third; the cost becomes a flat rate
        String first = sessions.get(0).get("id").asText();
        String second = sessions.get(1).get("id").asText();
        HttpResponse<String> changed = put(ORGANISATION_USER, prestation("PER_SESSION",
                session(first, "2027-01-18", "2027-01-19", "12", "Lycée Saint-Joseph", 15, "2400", null),
                session(null, "2027-05-10", "2027-05-11", "12", "Institut de formation, Nîmes", 20, "2600", "120")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode after = json.readTree(get(ORGANISATION_USER).body());
        assertThat(after.get("editable").asBoolean()).isTrue();
        JsonNode now = after.get("prestation").get("sessions");
        assertThat(now).hasSize(2);
        assertThat(now.get(0).get("id").asText()).isEqualTo(first);
        assertThat(now.get(0).get("startDate").asText()).isEqualTo("2027-01-18");
        assertThat(now.get(1).get("id").asText()).isNotIn(first, second);
        assertThat(after.get("prestation").get("total").decimalValue()).isEqualByComparingTo("5120.00");
    }

    @Test
    void aMissingFieldIsNamedWithItsTabAndNothingIsSaved() throws Exception {
        HttpResponse<String> refused = put(ORGANISATION_USER, prestation(null,
                session(null, "2027-01-11", "2027-01-10", "12", "Lycée Saint-Joseph", 15, "180", null)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("La prestation n'est pas enregistrée",
                "Onglet Session : « Type de coût des sessions » est obligatoire",
                "Onglet Session, session 1 : la date de fin ne peut pas précéder la date de début.");
        assertThat(json.readTree(get(ORGANISATION_USER).body()).get("prestation").isNull()).isTrue();

        HttpResponse<String> unknownSession = put(ORGANISATION_USER, prestation("PER_HOUR",
                session("999999", "2027-01-11", "2027-01-12", "12", "Lycée Saint-Joseph", 15, "180", null)));
        assertThat(unknownSession.statusCode()).isEqualTo(422);
        assertThat(unknownSession.body()).contains("la session n° 999999 n'existe pas dans cette prestation");
    }

    @Test
    void noOtherOrganisationNorOtherScopeSeesItAndTheValidatorCannotWriteIt() {
        assertThat(put(ORGANISATION_USER, prestation("PER_SESSION", session(null, "2027-01-11", "2027-01-12", "12", "Salle A", 15, "1800", null)))
                .statusCode()).isEqualTo(200);
        for (String stranger : new String[] {OTHER_ORGANISATION, NATIONAL_VALIDATOR}) {
            HttpResponse<String> read = get(stranger);
            assertThat(read.statusCode()).as(stranger).isEqualTo(404);
            assertThat(read.body()).doesNotContain("Salle A");
            assertThat(put(stranger, prestation("PER_SESSION", session(null, "2027-01-11", "2027-01-12", "12", "Ailleurs", 15, "1", null)))
                    .statusCode()).as(stranger).isEqualTo(404);
        }
        HttpResponse<String> validator = put(REGIONAL_VALIDATOR, prestation("PER_SESSION",
                session(null, "2027-01-11", "2027-01-12", "12", "Ailleurs", 15, "1", null)));
        assertThat(validator.statusCode()).isEqualTo(403);
        assertThat(get(ORGANISATION_USER).body()).contains("Salle A").doesNotContain("Ailleurs");
    }

    @Test
    void onlyFormirisDossiersHaveAPrestation() throws Exception {
        TrainingAction region = driver.create(ORGANISATION_USER, DossierDriver.REGION, "Action régionale");
        JsonNode view = json.readTree(http.call(ORGANISATION_USER, PASSWORD, "GET", "/api/dossiers/" + region.getId() + "/prestation", null).body());
        assertThat(view.get("applies").asBoolean()).isFalse();
        HttpResponse<String> refused = http.call(ORGANISATION_USER, PASSWORD, "PUT", "/api/dossiers/" + region.getId() + "/prestation",
                prestation("PER_SESSION", session(null, "2027-01-11", "2027-01-12", "12", "Salle", 15, "1800", null)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Seuls les dossiers financés par Formiris ont une prestation à référencer.");
    }

    private HttpResponse<String> get(String user) {
        return http.call(user, PASSWORD, "GET", "/api/dossiers/" + dossier.getId() + "/prestation", null);
    }

    private HttpResponse<String> put(String user, String body) {
        return http.call(user, PASSWORD, "PUT", "/api/dossiers/" + dossier.getId() + "/prestation", body);
    }
}
