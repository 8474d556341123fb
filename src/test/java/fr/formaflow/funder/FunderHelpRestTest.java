package fr.formaflow.funder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 24: where each funder's organisations get help, readable without logging in (a lost password included). */
@FormaflowTest
class FunderHelpRestTest {

    @LocalServerPort
    int port;
    @Autowired
    FunderRepository funders;

    @Test
    void everyFunderSaysWhereToAskAndWhatToQuote() throws Exception {
        String code = "AIDE" + (System.nanoTime() % 100_000);
        funders.save(new Funder(code, "Fonds d'aide " + code, FundingScheme.OPCO, "AID")
                .help(new FunderHelp("Centre de relation client", "du lundi au vendredi, de 8 h 30 à 17 h 30", "01 99 00 13 68",
                        "relation.client@fonds.example", "le numéro de l'action, dans toutes vos demandes")));
        String silent = "SANS" + (System.nanoTime() % 100_000);
        funders.save(new Funder(silent, "Fonds sans contact " + silent, FundingScheme.OPCO, "SNS"));

        HttpResponse<String> response = new WebClient("http://localhost:" + port).get("/public/funders/help");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode all = new ObjectMapper().readTree(response.body());
        JsonNode help = find(all, code).get("help");
        assertThat(help.get("service").asText()).isEqualTo("Centre de relation client");
        assertThat(help.get("hours").asText()).isEqualTo("du lundi au vendredi, de 8 h 30 à 17 h 30");
        assertThat(help.get("phone").asText()).isEqualTo("01 99 00 13 68");
        assertThat(help.get("email").asText()).isEqualTo("relation.client@fonds.example");
        assertThat(help.get("quote").asText()).isEqualTo("le numéro de l'action, dans toutes vos demandes");
        assertThat(find(all, silent).get("help").get("service").isNull()).isTrue();
    }

    private static JsonNode find(JsonNode all, String code) {
        for (JsonNode funder : all) {
            if (funder.get("code").asText().equals(code)) {
                return funder;
            }
        }
        throw new AssertionError("No funder " + code + " in " + all);
    }
}
