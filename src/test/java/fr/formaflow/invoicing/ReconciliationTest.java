package fr.formaflow.invoicing;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** An organisation matches a line of its bank statement with the invoice it pays, from the dossier. */
@FormaflowTest
class ReconciliationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    InvoiceService invoices;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aBankLineIsMatchedByInvoiceNumberAndAmount() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.runToFirstInvoice();
        Invoice invoice = invoices.of(action.getId()).get(0);
        String number = invoice.getNumber();
        WebClient http = new WebClient("http://localhost:" + port);
        String path = "/api/dossiers/" + action.getId() + "/reconciliation";

        JsonNode exact = post(http, path, "VIR SEPA REGION OCCITANIE " + number + " " + action.getContractNumber() + " 980,00");
        assertThat(exact.get("matches")).hasSize(1);
        assertThat(exact.get("message").asText()).startsWith("Ce virement règle la facture " + number)
                .contains("pas encore enregistré par le financeur");
        assertThat(post(http, path, "VIR " + number + " 950,00").get("message").asText()).contains("écart de 30,00");
        assertThat(post(http, path, "VIREMENT REGION 980.00").get("message").asText()).contains("n'est pas citée sur la ligne");
        assertThat(post(http, path, "VIREMENT 12,00").get("matches")).isEmpty();

        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-02-20", "paymentReference", "VIR-REG-0042"));
        assertThat(post(http, path, "VIR SEPA " + number + " 980,00").get("message").asText())
                .contains("Paiement enregistré le 20/02/2026 (référence VIR-REG-0042)");
        assertThat(http.call(ORGANISATION_USER, "formaflow", "POST", path, "{\"line\":\" \"}").statusCode()).isEqualTo(422);
        assertThat(http.call("sophie.martin", "formaflow", "POST", path, "{\"line\":\"VIR " + number + "\"}").statusCode()).isEqualTo(404);
    }

    private static JsonNode post(WebClient http, String path, String line) throws Exception {
        var response = http.call(ORGANISATION_USER, "formaflow", "POST", path, new ObjectMapper().createObjectNode().put("line", line).toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body().replace('\u202f', ' ').replace('\u00a0', ' '));
    }
}
