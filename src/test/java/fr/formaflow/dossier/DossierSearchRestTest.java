package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;

/**
 * The dossier search over HTTP: each user finds only the dossiers they may see (their organisation's, their funder's,
 * every one for operators), newest first and one page at a time; a bad parameter is refused with a French sentence.
 */
@FormaflowTest
public class DossierSearchRestTest {

    static final String PASSWORD = "formaflow";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    WebClient web;
    DossierDriver driver;
    /** A word only this test's dossiers carry in their title: the shared context holds other tests' dossiers. */
    String word;

    @BeforeEach
    void setUp() {
        web = new WebClient("http://localhost:" + port);
        driver = new DossierDriver(context);
        word = "Cherchable" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void eachUserFindsTheDossiersTheyMaySeeNewestFirstOnePageAtATime() throws Exception {
        String first = driver.create("marie.durand", "OCCITANIE", word + " son").getContractNumber();
        String second = driver.create("marie.durand", "OCCITANIE", word + " lumière").getContractNumber();
        String other = driver.create("paul.roux", "OCCITANIE", word + " plateau").getContractNumber();

        assertThat(contracts("marie.durand", "q=" + word)).containsExactly(second, first);
        assertThat(contracts("paul.roux", "q=" + word)).containsExactly(other);
        assertThat(contracts("claire.fabre", "q=" + word)).containsExactly(other, second, first);
        assertThat(contracts("julien.morel", "q=" + word)).as("another funder").isEmpty();
        assertThat(contracts("operateur", "q=" + word)).containsExactly(other, second, first);

        // by contract number, by organisation name (any case), by phase and year
        assertThat(contracts("claire.fabre", "q=" + first.toLowerCase())).containsExactly(first);
        assertThat(contracts("marie.durand", "q=" + word + " LUMIÈRE")).containsExactly(second);
        assertThat(contracts("claire.fabre", "q=cévennes gestion&phase=SUBMISSION")).contains(other).doesNotContain(first, second);
        assertThat(contracts("claire.fabre", "q=" + word + "&phase=CLOSED")).isEmpty();
        assertThat(contracts("claire.fabre", "q=" + word + "&year=2026")).containsExactly(other, second, first);

        JsonNode page = search("claire.fabre", "q=" + word + "&size=2&page=1");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("dossiers")).hasSize(1);
        assertThat(page.get("dossiers").get(0).get("contractNumber").asText()).isEqualTo(first);
        assertThat(page.get("dossiers").get(0).get("organisation").asText()).isEqualTo("Scènes et Formations");
    }

    @Test
    void theTotalCountsEachVisibleDossierOnce() {
        countsEachVisibleDossierOnce(driver, context.getBean(TrainingActionRepository.class), word);
    }

    /**
     * The page's total as the search counts it (the validators' dossiers, then the organisations' others), for
     * organisation users, validators, a user who is both, and another funder; shared with the PostgreSQL run.
     */
    public static void countsEachVisibleDossierOnce(DossierDriver driver, TrainingActionRepository actions, String word) {
        TrainingAction first = driver.create("marie.durand", "OCCITANIE", word + " son");
        driver.create("marie.durand", "OCCITANIE", word + " lumière");
        TrainingAction other = driver.create("paul.roux", "OCCITANIE", word + " plateau");
        List<Long> none = List.of(-1L);
        long marie = first.getOrganisation().getId();
        String marieGroup = first.getOrganisation().getGroupId();
        String validators = first.getValidatorGroupId();
        String pattern = "%" + word.toLowerCase(Locale.ROOT) + "%";
        BiFunction<List<Long>, List<String>, Long> total = (organisations, groups) -> {
            var page = actions.searchVisible(organisations, groups, pattern, none, null, null, PageRequest.of(0, 1));
            assertThat(page.getContent()).hasSize(page.getTotalElements() == 0 ? 0 : 1);
            return page.getTotalElements();
        };
        assertThat(total.apply(List.of(marie), List.of(marieGroup))).isEqualTo(2);
        assertThat(total.apply(List.of(other.getOrganisation().getId()), List.of(other.getOrganisation().getGroupId()))).isEqualTo(1);
        assertThat(total.apply(none, List.of(validators))).isEqualTo(3);
        assertThat(total.apply(List.of(marie), List.of(marieGroup, validators))).as("an organisation's dossiers its validators handle count once")
                .isEqualTo(3);
        assertThat(total.apply(none, List.of("funder_inconnu"))).isZero();
    }

    @Test
    void aBadParameterIsRefusedWithAFrenchSentence() throws Exception {
        HttpResponse<String> refused = web.getAs("marie.durand", PASSWORD, "/api/dossiers/search?size=500&phase=FINI&year=deux");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.get("message").asText()).isEqualTo("La recherche de dossiers n'est pas valide.");
        assertThat(error.get("details")).extracting(JsonNode::asText).containsExactly(
                "L'étape « FINI » n'existe pas ; valeurs possibles : SUBMISSION, CONTRACT, TRAINEES, OPENING, EXECUTION, EVALUATION, "
                        + "CLOSURE, FOLLOW_UP, CLOSED, REFUSED, NOT_OPENED.",
                "Le paramètre « year » doit être un nombre entier entre 2000 et 2100.",
                "Le paramètre « size » doit être un nombre entier entre 1 et 100.");
        assertThat(web.get("/api/dossiers/search").statusCode()).as("anonymous").isEqualTo(401);
    }

    private List<String> contracts(String user, String query) throws Exception {
        List<String> contracts = new ArrayList<>();
        search(user, query).get("dossiers").forEach(d -> contracts.add(d.get("contractNumber").asText()));
        return contracts;
    }

    private JsonNode search(String user, String query) throws Exception {
        String encoded = query.replace(" ", "%20");
        StringBuilder url = new StringBuilder("/api/dossiers/search?");
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            url.append(pair, 0, eq + 1).append(URLEncoder.encode(pair.substring(eq + 1).replace("%20", " "), StandardCharsets.UTF_8))
                    .append('&');
        }
        HttpResponse<String> response = web.getAs(user, PASSWORD, url.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
