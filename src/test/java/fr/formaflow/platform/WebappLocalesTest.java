package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The French locale files of the webapps against the English ones of the Camunda release on the class path: a Camunda
 * upgrade that adds or renames labels fails here, not as raw keys on a user's screen.
 */
class WebappLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyLabelOfTheReleaseHasAFrenchEntryAndNoneNamesTheVendor(String app) throws IOException {
        JsonNode english = read(app + "/locales/en.json");
        JsonNode french = read(app + "/locales/fr.json");

        assertThat(keys(french.get("labels"))).isEqualTo(keys(english.get("labels")));
        french.get("labels").properties().forEach(label -> assertThat(label.getValue().asText()).as(label.getKey()).doesNotContain("Camunda"));
        if (english.has("dateLocales")) {
            assertThat(french.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("DD/MM/YYYY");
            assertThat(french.at("/dateLocales/months/0").asText()).isEqualTo("janvier");
        }
    }

    /** What a label may keep from Camunda's English: words French writes the same, symbols, formats. */
    private static final Set<String> SAME_IN_FRENCH = Set.of("", " instances.", "<", "<=", "<version>", ">", ">=", "Action",
            "Actions", "Annotation", "Application", "Applications", "CSV", "Cascade", "Configuration", "Date", "Description",
            "Documentation", "Exception", "Incident : Message", "Incidents", "Information", "JSON", "Max", "Maximum:", "Message",
            "Migration", "Min", "Minimum:", "Notification", "OK", "Optimize", "Options", "Source", "Source:", "Tenant", "Total",
            "Type", "Types", "Variable", "Variable / {{variableName}}", "Variables", "Version", "Version:", "YYYY-MM-DDTHH:mm:ss",
            "instance", "instances", "s");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void noLabelIsLeftInEnglish(String app) throws IOException {
        JsonNode english = read(app + "/locales/en.json").get("labels");
        JsonNode french = read(app + "/locales/fr.json").get("labels");
        english.properties().forEach(label -> {
            String translated = french.get(label.getKey()).asText();
            if (translated.equals(label.getValue().asText())) {
                assertThat(translated).as(app + " " + label.getKey() + " is still English").isIn(SAME_IN_FRENCH);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void whatOrganisationsAndFundersReadIsFrench(String app) throws IOException {
        JsonNode english = read(app + "/locales/en.json").get("labels");
        JsonNode french = read(app + "/locales/fr.json").get("labels");
        for (String key : new String[] {"PAGE_LOGIN_SIGN_IN_ACTION", "SIGN_OUT_ACTION", "PAGINATION_NEXT", "SAVE", "CANCEL"}) {
            assertThat(french.get(key).asText()).as(key).isNotEqualTo(english.get(key).asText());
        }
        if (english.has("COMPLETE")) {
            assertThat(french.get("CLAIM_TASK").asText()).isEqualTo("Prendre en charge");
            assertThat(french.get("COMPLETE").asText()).isEqualTo("Envoyer");
            assertThat(french.get("BANNER_CE_EOL_TEXT").asText()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyWebappOffersFrenchOnly(String app) throws IOException {
        String config = text(app + "/scripts/config.js");
        String shared = text("formaflow/webapp-config.js");
        assertThat(config).contains("formaflowConfig(");
        assertThat(shared).contains("availableLocales: ['fr']", "fallbackLocale: 'fr'", "vendor: 'Formaflow'");
        assertThat(text(app + "/styles/user-styles.css")).contains("formaflow-webapps.css");
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode read(String path) throws IOException {
        return JSON.readTree(text(path).replace("\uFEFF", ""));
    }

    private static String text(String path) throws IOException {
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(APPS + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
