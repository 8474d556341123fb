package fr.formaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.demo.DemoData;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Issue 27: 15 access requests in half a second made 16 review tasks; the endpoints that need no account had no limit.
 * With the production figures, the 16th change from one address is a French 429 with Retry-After and starts nothing.
 * HTTP goes to loopback only.
 */
@FormaflowTest
class PublicRateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    FilterRegistrationBean<PublicRateLimit> publicRateLimit;
    @Autowired
    RuntimeService runtime;

    PublicRateLimit.Limit testWrites;
    PublicRateLimit.Limit testReads;

    @BeforeEach
    void productionLimits() {
        // the test profile lifts the limits (every test connects from loopback); here, the production figures
        testWrites = publicRateLimit.getFilter().writes();
        testReads = publicRateLimit.getFilter().reads();
        publicRateLimit.getFilter().limits(new PublicRateLimit.Limit(15, Duration.ofHours(1)), new PublicRateLimit.Limit(300, Duration.ofMinutes(5)));
    }

    @AfterEach
    void testLimits() {
        publicRateLimit.getFilter().limits(testWrites, testReads);
        runtime.createProcessInstanceQuery().processDefinitionKey("organisationOnboarding").list().stream()
                .filter(i -> i.getBusinessKey().startsWith("rafale"))
                .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test clean-up"));
    }

    @Test
    void theSixteenthAccessRequestFromOneAddressIsRefusedAndStartsNothing() {
        WebClient http = new WebClient("http://localhost:" + port);
        for (int i = 1; i <= 16; i++) {
            HttpResponse<String> answer = http.call(null, null, "POST", "/public/access-requests", request(i));
            if (i <= 15) {
                assertThat(answer.statusCode()).as("request %d: %s", i, answer.body()).isEqualTo(202);
            } else {
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.body()).contains("Trop de demandes depuis votre adresse : réessayez dans 4 minutes.");
                assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(200L, 240L));
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            }
        }
        assertThat(started("rafale16@")).as("no review for the refused request").isZero();
        assertThat(started("rafale")).isEqualTo(15);
        // other changes from the same address wait too; reads have their own, larger allowance
        assertThat(http.call(null, null, "POST", "/public/password-resets", "{\"login\":\"rafale@nulle-part.fr\"}").statusCode()).isEqualTo(429);
        assertThat(http.call(null, null, "GET", "/public/funders", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aWholeClassSignsItsHalfDayFromOneAddress() {
        WebClient http = new WebClient("http://localhost:" + port);
        // signatures (here with unknown links: 404) count as reads, not as the 15 changes an hour
        for (int i = 0; i < 20; i++) {
            assertThat(http.call(null, null, "POST", "/public/signatures/lien-" + i, null).statusCode()).isEqualTo(404);
        }
        assertThat(http.call(null, null, "POST", "/public/access-requests", request(1)).statusCode()).isEqualTo(202);
    }

    @Test
    void readsAreLimitedToo() {
        publicRateLimit.getFilter().limits(new PublicRateLimit.Limit(15, Duration.ofHours(1)), new PublicRateLimit.Limit(5, Duration.ofMinutes(5)));
        WebClient http = new WebClient("http://localhost:" + port);
        for (int i = 0; i < 5; i++) {
            assertThat(http.call(null, null, "GET", "/public/organisations/" + DemoData.TITULAR_SIRET, null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.call(null, null, "GET", "/public/organisations/" + DemoData.TITULAR_SIRET, null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.body()).contains("réessayez dans 60 secondes");
    }

    private long started(String keyStart) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("organisationOnboarding").list().stream()
                .filter(i -> i.getBusinessKey().startsWith(keyStart)).count();
    }

    private static String request(int i) {
        return "{\"siret\":\"" + DemoData.TITULAR_SIRET + "\",\"user\":{\"email\":\"rafale" + i + "@scenes-formations.fr\","
                + "\"firstName\":\"Rafale\",\"lastName\":\"Numéro " + i + "\"}}";
    }
}
