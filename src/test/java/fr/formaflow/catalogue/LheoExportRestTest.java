package fr.formaflow.catalogue;

import static fr.formaflow.catalogue.LheoWriterTest.only;
import static fr.formaflow.catalogue.LheoWriterTest.parse;
import static fr.formaflow.catalogue.LheoWriterTest.texts;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.DemoData;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The LHÉO feed over HTTP, as France Travail or a relay structure downloads it without an account: exactly the sessions
 * the public search lists (a withdrawn session and an offer still in validation are absent), with the organisation's
 * « potentiel de formation », which only its own users edit and validate.
 */
@FormaflowTest
class LheoExportRestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String POTENTIAL = """
            {"presentation": "Centre de formation aux métiers du spectacle vivant depuis 1998.",
             "formacodes": ["45054", "45065"], "sites": "Théâtre, 12 rue des Arts, 34800 Clermont-l'Hérault",
             "accessibility": "Locaux de plain-pied ; référent handicap : Marie Durand.", "registrationContact": "Marie Durand",
             "registrationPhone": "04 67 00 00 00", "registrationEmail": "Inscriptions@Scenes-Formations.fr", "trainers": 6}""";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    WebClient http;
    CatalogueDriver driver;

    @BeforeEach
    void setUp() {
        http = new WebClient("http://localhost:" + port);
        driver = new CatalogueDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theFeedHoldsExactlyThePublishedSessionsStillListedWithTheirOrganisation() throws Exception {
        TrainingOffer published = driver.offerOf(driver.fundedDossier());
        driver.sendForValidation(published, Map.of());
        driver.publish(published, "45075");
        TrainingOffer inValidation = driver.offerOf(driver.fundedDossier());
        driver.sendForValidation(inValidation, Map.of());
        TrainingOffer withdrawn = driver.offerOf(driver.fundedDossier());
        driver.sendForValidation(withdrawn, Map.of("startDate", "2025-11-17", "endDate", "2026-01-16"));
        driver.publish(withdrawn, "45075");
        driver.runDueJobs(withdrawn.getProcessInstanceId());
        assertThat(driver.reload(withdrawn).getState()).as("J + 8 is past").isEqualTo(OfferState.WITHDRAWN);
        assertThat(http.call("marie.durand", "formaflow", "PUT", "/api/offers/potential", POTENTIAL).statusCode()).isEqualTo(200);

        HttpResponse<String> response = http.get("/public/catalogue/lheo.xml");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "").toLowerCase()).isEqualTo("application/xml;charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("filename=\"catalogue-lheo-20251201.xml\""));
        Document lheo = feed(response);
        assertThat(lheo.getDocumentElement().getNamespaceURI()).isEqualTo("http://lheo.gouv.fr/2.3");
        assertThat(numbers(lheo)).contains(String.valueOf(published.getId()))
                .doesNotContain(String.valueOf(inValidation.getId()), String.valueOf(withdrawn.getId()));

        Element formation = formation(lheo, published);
        assertThat(texts(formation, "intitule-formation")).containsExactly("Accessoiriste de spectacle");
        assertThat(texts(only(formation, "domaine-formation"), "code-FORMACODE")).containsExactly("45075");
        assertThat(texts(formation, "debut")).containsExactly("20260105");
        assertThat(texts(formation, "fin")).containsExactly("20260227");
        Element responsible = only(formation, "organisme-formation-responsable");
        assertThat(texts(only(responsible, "SIRET-organisme-formation"), "SIRET")).containsExactly(DemoData.TITULAR_SIRET);
        assertThat(texts(responsible, "nom-organisme")).containsExactly("Scènes et Formations");
        assertThat(texts(only(responsible, "potentiel"), "code-FORMACODE")).containsExactly("45054", "45065");
        assertThat(texts(only(responsible, "contact-organisme"), "courriel")).containsExactly("inscriptions@scenes-formations.fr");
        assertThat(texts(formation, "acces-handicapes")).containsExactly("Locaux de plain-pied ; référent handicap : Marie Durand.");

        // one organisation's sessions: by its SIRET; another organisation's feed holds none of them
        HttpResponse<String> own = http.get("/public/catalogue/lheo.xml?organisation=" + DemoData.TITULAR_SIRET);
        assertThat(own.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("catalogue-lheo-" + DemoData.TITULAR_SIRET + "-20251201.xml");
        Document ownFeed = feed(own);
        assertThat(numbers(ownFeed)).contains(String.valueOf(published.getId()));
        assertThat(texts(ownFeed, "SIRET")).containsOnly(DemoData.TITULAR_SIRET);
        assertThat(numbers(feed(http.get("/public/catalogue/lheo.xml?organisation=" + DemoData.CFA_SIRET))))
                .doesNotContain(String.valueOf(published.getId()));
        HttpResponse<String> bad = http.get("/public/catalogue/lheo.xml?organisation=4211");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("message").asText()).isEqualTo("Le SIRET « 4211 » doit comporter 14 chiffres.");

        // the same rule as the public search: 8 days after its start, the session leaves the feed too
        clock(LocalDateTime.of(2026, 1, 13, 9, 0));
        assertThat(numbers(feed(http.get("/public/catalogue/lheo.xml")))).doesNotContain(String.valueOf(published.getId()));
    }

    @Test
    void onlyTheOrganisationsOwnUsersEditItsPotentialAndValidatingItStampsTheDate() throws Exception {
        assertThat(http.call("marie.durand", "formaflow", "PUT", "/api/offers/potential", POTENTIAL).statusCode()).isEqualTo(200);
        String before = potential("marie.durand").toString();

        // another organisation's user edits its own record, never Scènes et Formations'; a funder has none
        String other = POTENTIAL.replace("spectacle vivant depuis 1998", "santé");
        HttpResponse<String> cfa = http.call("sophie.martin", "formaflow", "PUT", "/api/offers/potential", other);
        assertThat(cfa.statusCode()).as(cfa.body()).isEqualTo(200);
        assertThat(JSON.readTree(cfa.body()).get("organisation").asText()).isNotEqualTo("Scènes et Formations");
        assertThat(potential("marie.durand").toString()).isEqualTo(before).contains("spectacle vivant depuis 1998").doesNotContain("santé");
        assertThat(http.call("julien.morel", "formaflow", "PUT", "/api/offers/potential", other).statusCode()).isIn(403, 404);
        assertThat(http.call(null, null, "PUT", "/api/offers/potential", other).statusCode()).isEqualTo(401);

        // malformed values are refused with French reasons and nothing changes
        HttpResponse<String> malformed = http.call("marie.durand", "formaflow", "PUT", "/api/offers/potential",
                POTENTIAL.replace("\"45065\"", "\"4506\""));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("Le Formacode « 4506 » doit comporter 5 chiffres.");
        assertThat(potential("marie.durand").toString()).isEqualTo(before);

        // « Valider mon potentiel de formation »: the date is stamped and the next deadline is a year away
        clock(LocalDateTime.of(2026, 2, 10, 9, 0));
        HttpResponse<String> validated = http.postJson("marie.durand", "formaflow", "/api/offers/revalidation", "{}");
        assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
        JsonNode mine = JSON.readTree(validated.body());
        assertThat(mine.get("revalidatedOn").asText()).isEqualTo("2026-02-10");
        assertThat(mine.get("withdrawalOn").asText()).isEqualTo("2027-02-10");
        assertThat(mine.get("potentialProblems")).isEmpty();
        assertThat(mine.get("potential").get("registrationEmail").asText()).isEqualTo("inscriptions@scenes-formations.fr");

        // an incomplete record is not validated: every missing field is named
        http.call("marie.durand", "formaflow", "PUT", "/api/offers/potential", POTENTIAL.replace("\"trainers\": 6", "\"trainers\": null"));
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
        HttpResponse<String> refused = http.postJson("marie.durand", "formaflow", "/api/offers/revalidation", "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("details").toString()).contains("nombre de formateurs");
        assertThat(JSON.readTree(http.getAs("marie.durand", "formaflow", "/api/offers").body()).get("revalidatedOn").asText())
                .isEqualTo("2026-02-10");
        http.call("marie.durand", "formaflow", "PUT", "/api/offers/potential", POTENTIAL);
    }

    private JsonNode potential(String user) throws Exception {
        HttpResponse<String> response = http.getAs(user, "formaflow", "/api/offers");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("potential");
    }

    private static Document feed(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Element> formations(Document lheo) {
        NodeList found = LheoWriterTest.all(lheo, "formation");
        List<Element> formations = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            formations.add((Element) found.item(i));
        }
        return formations;
    }

    private static List<String> numbers(Document lheo) {
        return formations(lheo).stream().map(f -> f.getAttribute("numero")).toList();
    }

    private static Element formation(Document lheo, TrainingOffer offer) {
        return formations(lheo).stream().filter(f -> f.getAttribute("numero").equals(String.valueOf(offer.getId()))).findFirst()
                .orElseThrow(() -> new AssertionError("offre " + offer.getId() + " absente du flux"));
    }
}
