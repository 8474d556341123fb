package fr.formaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 27: `GET /actuator/metrics/formaflow.invoices.net` gave anyone every tenant's invoiced total. Only health is public. */
@FormaflowTest
class ActuatorAccessTest {

    @LocalServerPort
    int port;

    @Test
    void onlyHealthIsPublicAndTheRestOfTheActuatorIsForOperators() {
        WebClient http = new WebClient("http://localhost:" + port);
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/actuator", "/actuator/metrics", "/actuator/metrics/formaflow.invoices.net", "/actuator/info",
                "/actuator/prometheus"}) {
            assertThat(http.get(path).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(http.call("marie.durand", "formaflow", "GET", path, null).statusCode()).as("organisation " + path).isEqualTo(403);
            assertThat(http.call("claire.fabre", "formaflow", "GET", path, null).statusCode()).as("funder " + path).isEqualTo(403);
        }
        assertThat(http.call("operateur", "formaflow", "GET", "/actuator/metrics", null).statusCode()).isEqualTo(200);
        assertThat(http.call("operateur", "formaflow", "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
    }
}
