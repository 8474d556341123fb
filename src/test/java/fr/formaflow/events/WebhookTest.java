package fr.formaflow.events;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FlowCoverage;
import fr.formaflow.support.FormaflowTest;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Events for other systems: an organisation registers a receiver that is down for its first two calls. Users go on
 * working meanwhile; every event of the dossier then reaches the receiver once, in order, signed with its secret.
 */
@FormaflowTest
class WebhookTest {

    record Received(String event, String signature, String body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ManagementService managementService;
    @Autowired
    WebhookDeliveryRepository deliveries;

    @BeforeAll
    static void countOnlyThisClass() {
        FlowCoverage.COVERED.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static JsonNode read(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyEventReachesTheReceiverOnceInOrderAndSignedDespiteItsFailures() throws Exception {
        List<Received> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = calls.incrementAndGet() <= 2 ? 503 : 200;
            if (status == 200) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Formaflow-Event"),
                        exchange.getRequestHeaders().getFirst("X-Formaflow-Signature"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebClient http = new WebClient("http://localhost:" + port);
            assertThat(http.call(ORGANISATION_USER, "formaflow", "POST", "/api/webhooks", "{\"url\":\"ftp://x\"}").body())
                    .contains("URL complète en http ou https");
            // internal addresses are refused when registered (literals: nothing is resolved nor contacted)
            for (String internal : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/hook", "http://[fd00:ec2::254]/")) {
                HttpResponse<String> refused = http.call(ORGANISATION_USER, "formaflow", "POST", "/api/webhooks", "{\"url\":\"" + internal + "\"}");
                assertThat(refused.statusCode()).as(internal).isIn(400, 422);
                assertThat(refused.body()).contains("Formaflow n'envoie pas d'événements");
            }
            HttpResponse<String> registered = http.call(ORGANISATION_USER, "formaflow", "POST", "/api/webhooks",
                    "{\"url\":\"http://localhost:" + receiver.getAddress().getPort() + "/hook\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            JsonNode webhook = new ObjectMapper().readTree(registered.body());
            String secret = webhook.get("secret").asText();
            assertThat(http.call("sophie.martin", "formaflow", "DELETE", "/api/webhooks/" + webhook.get("id").asLong(), null).statusCode()).isEqualTo(404);

            // users work while the receiver is down: nothing waits for it
            DossierDriver driver = new DossierDriver(context);
            clock(LocalDateTime.of(2025, 12, 1, 9, 0));
            TrainingAction action = driver.runToExecution("MONTHLY", 3, 2);
            driver.runToFollowUp(action);
            assertThat(driver.openTaskKeys(action)).isEmpty();
            ClockUtil.reset();

            // the job executor's work, done here: deliveries and their waits, until every event went through
            for (int round = 0; round < 200 && deliveries.findAll().stream().anyMatch(d -> d.getStatus() == WebhookDelivery.Status.PENDING
                    && d.getWebhookId() == webhook.get("id").asLong()); round++) {
                for (Job job : managementService.createJobQuery().processDefinitionKey(Events.DELIVERY_PROCESS).list()) {
                    try {
                        managementService.executeJob(job.getId());
                    } catch (RuntimeException receiverDown) {
                        // retried at the next round, as the back-off would
                    }
                }
            }
            List<WebhookDelivery> log = deliveries.findAll().stream().filter(d -> d.getWebhookId() == webhook.get("id").asLong())
                    .sorted(java.util.Comparator.comparingLong(WebhookDelivery::getSequence)).toList();
            assertThat(log).hasSizeGreaterThanOrEqualTo(3).allMatch(d -> d.getStatus() == WebhookDelivery.Status.DELIVERED);
            assertThat(log.get(0).getAttempts()).as("the first event: twice refused, then delivered").isEqualTo(3);

            List<Long> sequences = new ArrayList<>();
            for (Received r : received) {
                JsonNode event = new ObjectMapper().readTree(r.body());
                assertThat(r.signature()).isEqualTo("sha256=" + WebhookDeliveries.sign(secret, r.body()));
                assertThat(event.get("type").asText()).isEqualTo(r.event());
                assertThat(event.at("/dossier/contractNumber").asText()).isEqualTo(action.getContractNumber());
                sequences.add(event.get("sequence").asLong());
            }
            assertThat(sequences).as("each event once, in the dossier's order").isSorted().doesNotHaveDuplicates().hasSize(log.size());
            assertThat(received).extracting(Received::event).contains("dossier.phase_changed", "document.stored", "invoice.status_changed");
            // the whole life of the dossier, from its submission to its follow-up, and every invoice's statuses
            assertThat(received.stream().map(r -> read(r.body())).filter(e -> e.get("type").asText().equals("dossier.phase_changed"))
                    .map(e -> e.at("/data/phase").asText()).toList())
                    .containsExactly("CONTRACT", "TRAINEES", "OPENING", "EXECUTION", "EVALUATION", "CLOSURE", "FOLLOW_UP");
            assertThat(received.stream().map(r -> read(r.body())).filter(e -> e.get("type").asText().equals("invoice.status_changed"))
                    .map(e -> e.at("/data/status").asText()).toList()).contains("ISSUED", "ACCEPTED", "PAID");

            JsonNode listed = new ObjectMapper().readTree(http.call(ORGANISATION_USER, "formaflow", "GET", "/api/webhooks", null).body());
            // this receiver's log (another test may have left a receiver that is never up)
            JsonNode mine = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                    .filter(w -> w.get("id").asLong() == webhook.get("id").asLong()).findFirst().orElseThrow();
            assertThat(mine.findValuesAsText("status")).containsOnly("DELIVERED");
            assertThat(FlowCoverage.missingIn("webhook-delivery.bpmn")).as("BPMN elements no test exercised").isEmpty();
        } finally {
            receiver.stop(0);
        }
    }
}
