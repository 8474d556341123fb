package fr.formaflow.apprenticeship;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.DemoData;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The done-when journey over HTTP only: the OPCO's web service sends a contract to the demo CFA, which follows its
 * states, files a first advance without a certificate and a second instalment with one, and gets both receipts;
 * nobody else sees anything of it.
 */
@FormaflowTest
class ApprenticeshipRestTest {

    static final String PASSWORD = "formaflow";
    static final String CFA = "sophie.martin";
    static final String OPCO = "julien.morel";

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCfaFollowsItsContractAndFilesTwoInstalmentsWithReceipts() throws Exception {
        WebClient http = new WebClient("http://localhost:" + port);
        clock(LocalDateTime.of(2026, 8, 25, 9, 0));
        HttpResponse<String> received = http.call(OPCO, PASSWORD, "POST", "/api/opco/contracts", """
                {"cfaSiret":"%s","contractNumber":"034202608999001","apprenticeLastName":"Martel","apprenticeFirstName":"Noé",
                 "employerName":"EHPAD Les Tilleuls","employerSiret":"52900876540004","diploma":"Diplôme d'État d'auxiliaire de puériculture",
                 "signedOn":"2026-08-18","startDate":"2026-09-01","endDate":"2027-08-31","budgetEuros":"6 000,00",
                 "teachingCostEuros":"5 400,00","equipmentEuros":"300,00","cerfaSigned":true,"agreementSigned":false}
                """.formatted(DemoData.CFA_SIRET));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        JsonNode contract = json.readTree(received.body());
        long id = contract.at("/contract/id").asLong();
        String actionNumber = contract.at("/contract/opcoActionNumber").asText();
        assertThat(contract.at("/contract/stateLabel").asText()).isEqualTo("En attente");
        assertThat(contract.at("/opcoCents").asLong()).isEqualTo(540_000L);
        assertThat(contract.at("/employerCents").asLong()).isZero();
        assertThat(contract.at("/missingItems").toString()).contains("la convention de formation signée");

        // the CFA finds it by its apprentice, and completes it as Tasklist does
        assertThat(http.call(CFA, PASSWORD, "GET", "/api/apprenticeship-contracts?q=martel&state=PENDING", null).body()).contains(actionNumber);
        assertThat(http.call(CFA, PASSWORD, "GET", "/api/apprenticeship-contracts?q=martel&state=IN_PROGRESS", null).body()).isEqualTo("[]");
        submit(http, CFA, actionNumber, "{\"agreementSigned\":{\"value\":true}}");
        submit(http, OPCO, actionNumber, "{\"decision\":{\"value\":\"ACCEPT\"}}");
        JsonNode funded = json.readTree(http.call(CFA, PASSWORD, "GET", "/api/apprenticeship-contracts/" + id, null).body());
        assertThat(funded.at("/states").findValuesAsText("label")).containsExactly("Reçu", "En attente", "En instruction", "En cours");
        assertThat(funded.at("/nextInstalment").asInt()).isEqualTo(1);

        clock(LocalDateTime.of(2026, 9, 3, 10, 0));
        HttpResponse<String> first = http.uploadFiles(CFA, PASSWORD, "/api/apprenticeship-contracts/" + id + "/reimbursement-requests",
                Map.of("invoiceReference", "CFA-2026-0042", "equipmentEuros", "300,00"), Map.of("invoice", Map.entry("facture.pdf", DossierDriver.pdf())));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(receipt(http, json.readTree(first.body()))).startsWith("%PDF-");
        submitRequest(http, json.readTree(first.body()).get("receiptNumber").asText(), "{\"decision\":{\"value\":\"APPROVE\"}}");

        clock(LocalDateTime.of(2027, 3, 2, 10, 0));
        HttpResponse<String> withoutCertificate = http.uploadFiles(CFA, PASSWORD, "/api/apprenticeship-contracts/" + id + "/reimbursement-requests",
                Map.of("invoiceReference", "CFA-2027-0007"), Map.of("invoice", Map.entry("facture.pdf", DossierDriver.pdf())));
        assertThat(withoutCertificate.statusCode()).isEqualTo(422);
        assertThat(withoutCertificate.body()).contains("Joignez le certificat de réalisation.");
        HttpResponse<String> notAPdf = http.uploadFiles(CFA, PASSWORD, "/api/apprenticeship-contracts/" + id + "/reimbursement-requests",
                Map.of("invoiceReference", "CFA-2027-0007"), Map.of("invoice", Map.entry("facture.pdf", DossierDriver.pdf()),
                        "certificate", Map.entry("certificat.pdf", "pas un PDF".getBytes())));
        assertThat(notAPdf.body()).contains("n'est ni un PDF, ni une image JPEG ou PNG");
        HttpResponse<String> second = http.uploadFiles(CFA, PASSWORD, "/api/apprenticeship-contracts/" + id + "/reimbursement-requests",
                Map.of("invoiceReference", "CFA-2027-0007"), Map.of("invoice", Map.entry("facture.pdf", DossierDriver.pdf()),
                        "certificate", Map.entry("certificat.pdf", DossierDriver.pdf())));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode secondRequest = json.readTree(second.body());
        assertThat(secondRequest.get("certificate").asBoolean()).isTrue();
        assertThat(secondRequest.get("instalmentLabel").asText()).isEqualTo("Versement de 25 % (7e mois)");
        assertThat(receipt(http, secondRequest)).startsWith("%PDF-");

        JsonNode detail = json.readTree(http.call(CFA, PASSWORD, "GET", "/api/apprenticeship-contracts/" + id, null).body());
        assertThat(detail.at("/requests").findValuesAsText("statusLabel")).containsExactly("Acceptée", "Déposée");
        assertThat(detail.at("/schedule").findValuesAsText("status")).startsWith("Acceptée", "Déposée", "À demander");

        // nobody else: another organisation, another funder, anonymous
        int tried = 0;
        for (String outsider : List.of("marie.durand", "claire.fabre")) {
            assertThat(http.call(outsider, PASSWORD, "GET", "/api/apprenticeship-contracts", null).body()).doesNotContain(actionNumber);
            for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
                for (String pattern : mapping.getKey().getPatternValues()) {
                    if (!pattern.startsWith("/api/apprenticeship-contracts/{id}") && !pattern.startsWith("/api/opco/contracts/{id}")) {
                        continue;
                    }
                    String path = pattern.replace("{id}", Long.toString(id)).replace("{requestId}", secondRequest.get("id").asText());
                    for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                        HttpResponse<String> response = path.endsWith("reimbursement-requests")
                                ? http.uploadFiles(outsider, PASSWORD, path, Map.of("invoiceReference", "X"), Map.of("invoice", Map.entry("f.pdf", DossierDriver.pdf())))
                                : http.call(outsider, PASSWORD, method.name(), path, method == RequestMethod.GET ? null : "{\"reason\":\"x\"}");
                        assertThat(response.statusCode()).as(outsider + " " + method + " " + path + " → " + response.body()).isIn(403, 404);
                        assertThat(http.call(null, null, method.name(), path, null).statusCode()).isEqualTo(401);
                        tried++;
                    }
                }
            }
            assertThat(http.call(outsider, PASSWORD, "GET", "/engine-rest/task?processInstanceBusinessKey=" + actionNumber, null).body()).isEqualTo("[]");
        }
        assertThat(tried).as("contract endpoints tried by each outsider").isEqualTo(2 * 4);
        assertThat(http.call("marie.durand", PASSWORD, "POST", "/api/opco/contracts", "{}").statusCode()).isEqualTo(403);
        assertThat(json.readTree(http.call(CFA, PASSWORD, "GET", "/api/apprenticeship-contracts/" + id, null).body()).at("/requests").size()).isEqualTo(2);
    }

    private void submit(WebClient http, String user, String businessKey, String variables) {
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        HttpResponse<String> response = http.call(user, PASSWORD, "POST", "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + variables + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private void submitRequest(WebClient http, String receiptNumber, String variables) {
        submit(http, OPCO, receiptNumber, variables);
    }

    private String receipt(WebClient http, JsonNode request) {
        HttpResponse<String> pdf = http.call(CFA, PASSWORD, "GET", request.get("receiptUrl").asText(), null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        return pdf.body().substring(0, 5);
    }
}
