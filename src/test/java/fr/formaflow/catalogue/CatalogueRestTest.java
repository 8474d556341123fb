package fr.formaflow.catalogue;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.CatalogueDemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
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

/**
 * The public catalogue over HTTP, as anybody reads it, and the organisation's own offers: the demo offers go from
 * draft to published to withdrawn, and the public sees each stage as it should, with no organisation-private data.
 */
@FormaflowTest
class CatalogueRestTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CatalogueDemoData demo;
    @Autowired
    ApplicationContext context;
    @Autowired
    TrainingActionRepository actions;

    WebClient http;
    CatalogueDriver driver;

    @BeforeEach
    void setUp() {
        http = new WebClient("http://localhost:" + port);
        driver = new CatalogueDriver(context);
        clock(LocalDateTime.of(2026, 3, 4, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDemoOffersGoFromDraftToPublishedToWithdrawnAndThePublicSeesOnlyWhatIsPublishedAndCurrent() throws Exception {
        List<TrainingOffer> offers = demo.loadOffers();
        TrainingOffer published = offers.get(0);
        TrainingOffer draft = offers.get(1);
        TrainingOffer started = offers.get(2);
        for (TrainingOffer offer : offers) {
            TrainingAction dossier = actions.findById(offer.getActionId()).orElseThrow();
            assertThat(driver.reload(offer).getDraft().startDate()).as("each demo session on its dossier's dates")
                    .isEqualTo(dossier.getPlannedStart());
        }

        // the organisation reads its offer's card variables in Tasklist (contract number, title); another organisation does not
        String cardVariable = "/engine-rest/process-instance/" + draft.getProcessInstanceId() + "/variables/contractNumber";
        TrainingAction draftDossier = actions.findById(draft.getActionId()).orElseThrow();
        HttpResponse<String> own = http.getAs("marie.durand", "formaflow", cardVariable);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains(draftDossier.getContractNumber());
        assertThat(http.getAs("sophie.martin", "formaflow", cardVariable).statusCode()).isIn(403, 404);

        assertThat(titles("formacode=45054")).containsExactly("Régisseur lumière de spectacle");
        assertThat(driver.reload(draft).getState()).isEqualTo(OfferState.IN_VALIDATION);
        assertThat(titles("formacode=45065")).as("draft: not public").isEmpty();
        assertThat(titles("formacode=45064")).as("session started more than 8 days ago").isEmpty();
        driver.runDueJobs(started.getProcessInstanceId());
        assertThat(driver.reload(started).getState()).isEqualTo(OfferState.WITHDRAWN);

        driver.publish(draft, "45065");
        assertThat(titles("formacode=45065")).as("published").containsExactly("Accessoiriste de spectacle");

        // search by place (town or postcode prefix), dates and free places, one page at a time
        assertThat(titles("place=clermont l'herault&from=2026-03-01&to=2026-12-31"))
                .containsExactly("Régisseur lumière de spectacle", "Accessoiriste de spectacle");
        JsonNode firstPage = json(http.get("/public/offers?place=348&from=2026-03-01&to=2026-12-31&size=1"));
        assertThat(firstPage.get("total").asInt()).isEqualTo(2);
        assertThat(firstPage.get("sessions")).hasSize(1);
        assertThat(json(http.get("/public/offers?place=348&from=2026-03-01&to=2026-12-31&size=1&page=1")).get("sessions").get(0)
                .get("title").asText()).isEqualTo("Accessoiriste de spectacle");
        assertThat(titles("formacode=45065&freePlaces=13")).as("12 places only").isEmpty();
        assertThat(titles("formacode=45065&place=Montpellier")).isEmpty();

        // what the public reads: the session, the organisation's name and contact; nothing of the dossier or the organisation's file
        HttpResponse<String> response = http.get("/public/offers?formacode=45065");
        JsonNode session = json(response).get("sessions").get(0);
        List<String> fields = new ArrayList<>();
        session.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "title", "objectives", "programme", "modules", "formacode", "startDate",
                "endDate", "city", "postcode", "placesAvailable", "fundingComment", "fundingVoteDate", "organisation", "contactName",
                "contactPhone", "contactEmail");
        assertThat(session.get("organisation").asText()).isEqualTo("Scènes et Formations");
        TrainingAction action = actions.findById(draft.getActionId()).orElseThrow();
        assertThat(response.body()).doesNotContain("42110064500017", action.getContractNumber(), "76340123434", "11760", "Théâtre des Treize Vents");

        // J + 8 after its start, the session leaves the catalogue
        clock(driver.reload(draft).getDraft().startDate().plusDays(8).atStartOfDay().plusMinutes(5));
        driver.runDueJobs(draft.getProcessInstanceId());
        assertThat(driver.reload(draft).getState()).isEqualTo(OfferState.WITHDRAWN);
        assertThat(titles("formacode=45065")).as("withdrawn").isEmpty();
    }

    @Test
    void anybodyReadsTheCatalogueOnlyTheOrganisationChangesItsOffersAndBadSearchesGetAFrenchAnswer() throws Exception {
        assertThat(http.get("/catalogue.html").statusCode()).isEqualTo(200);
        assertThat(http.get("/public/offers").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/offers").statusCode()).isEqualTo(401);

        HttpResponse<String> bad = http.get("/public/offers?formacode=12&size=1000&from=hier");
        assertThat(bad.statusCode()).isBetween(400, 499);
        assertThat(json(bad).get("details").toString()).contains("Le Formacode « 12 » doit comporter 5 chiffres.",
                "« size » doit être un nombre entier entre 1 et 100", "« from » doit être une date");

        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingOffer offer = driver.offerOf(driver.fundedDossier());
        driver.sendForValidation(offer, Map.of());
        driver.publish(offer, "45075");
        String path = "/api/offers/" + offer.getId() + "/change-request";
        assertThat(http.postJson("sophie.martin", "formaflow", path, "{}").statusCode()).as("another organisation").isEqualTo(404);
        assertThat(http.postJson("julien.morel", "formaflow", path, "{}").statusCode()).as("another funder").isEqualTo(404);
        assertThat(driver.reload(offer).getState()).isEqualTo(OfferState.PUBLISHED);
        assertThat(json(http.getAs("sophie.martin", "formaflow", "/api/offers")).get("offers").toString()).doesNotContain("Accessoiriste");

        HttpResponse<String> change = http.postJson("marie.durand", "formaflow", path, "{}");
        assertThat(change.statusCode()).isEqualTo(200);
        assertThat(json(change).get("state").asText()).isEqualTo("DRAFT");
        assertThat(titles("formacode=45075")).as("the published version stays online").hasSize(1);

        assertThat(http.call("marie.durand", "formaflow", "PUT", "/api/offers/potential", LheoExportRestTest.POTENTIAL).statusCode())
                .isEqualTo(200);
        JsonNode mine = json(http.postJson("marie.durand", "formaflow", "/api/offers/revalidation", "{}"));
        assertThat(mine.get("revalidatedOn").asText()).isEqualTo("2025-12-01");
        assertThat(mine.get("withdrawalOn").asText()).isEqualTo("2026-12-01");
        assertThat(mine.get("offers").toString()).contains("\"id\":" + offer.getId());
    }

    private List<String> titles(String query) throws Exception {
        HttpResponse<String> response = http.get("/public/offers?" + query.replace(" ", "%20").replace("'", "%27"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        json(response).get("sessions").forEach(s -> titles.add(s.get("title").asText()));
        return titles;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
