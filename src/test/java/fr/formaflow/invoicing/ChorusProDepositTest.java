package fr.formaflow.invoicing;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FacturX;
import fr.formaflow.support.FormaflowTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 24, Région market (seed 003): the Région's validator records its market's references; the dossier's invoices
 * carry them (page and Factur-X) and go to Chorus Pro as a deposit ZIP.
 */
@FormaflowTest
class ChorusProDepositTest {

    static final String PASSWORD = "formaflow";
    static final String REFERENCES = """
            {"callForProjects":"PRF 2026 — Spectacle vivant","operationNumber":"007874","marketNumber":"26S00075",
             "decidingBody":"Commission permanente","voteDate":"2025-11-14","sector":"Arts du spectacle",
             "commitmentNumber":"EJ-2026-004512","serviceCode":"DIR-FORMATION"}""";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theRegionsReferencesReachItsInvoicesAndTheChorusProDeposit() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        WebClient http = new WebClient("http://localhost:" + port);
        TrainingAction action = driver.runToFirstInvoice(running -> recordReferences(http, running));
        String references = "/api/dossiers/" + action.getId() + "/market-references";
        String deposit = "/api/dossiers/" + action.getId() + "/chorus-pro-deposit.zip";
        Invoice invoice = context.getBean(InvoiceService.class).of(action.getId()).get(0);
        byte[] pdf = http.getBytes(ORGANISATION_USER, PASSWORD, "/api/dossiers/" + action.getId() + "/invoices/" + invoice.getId() + ".pdf");
        assertThat(InvoicePdfTest.text(pdf)).contains("Marché n° 26S00075", "N° d'engagement juridique : EJ-2026-004512",
                "Code service : DIR-FORMATION");
        assertThat(InvoicePdfTest.facturXml(pdf)).contains(
                "<ram:BuyerReference>DIR-FORMATION</ram:BuyerReference>",
                "<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>EJ-2026-004512</ram:IssuerAssignedID>",
                "<ram:ContractReferencedDocument><ram:IssuerAssignedID>26S00075</ram:IssuerAssignedID>");
        FacturX.assertValidWithoutWarnings(pdf, "facture d'un marché de la Région");
        assertThat(http.call(FUNDER_USER, PASSWORD, "PUT", references, REFERENCES.replace("EJ-2026-004512", "EJ-2026-999999")).statusCode())
                .isEqualTo(200);
        assertThat(InvoicePdfTest.facturXml(http.getBytes(ORGANISATION_USER, PASSWORD,
                "/api/dossiers/" + action.getId() + "/invoices/" + invoice.getId() + ".pdf"))).contains("EJ-2026-004512").doesNotContain("999999");

        // the validator reads them in the invoice's task, with the dossier
        assertThat(http.getAs(FUNDER_USER, PASSWORD, "/api/tasks/" + driver.task(action, "Task_ValidateInvoice").getId() + "/workspace").body())
                .contains("Références du marché (Région)", "Numéro d'engagement juridique", "EJ-2026-999999", "Commission permanente");

        // the deposit: the organisation's only; one Factur-X per invoice and the slip
        assertThat(http.getAs(FUNDER_USER, PASSWORD, deposit).statusCode()).isEqualTo(403);
        Map<String, byte[]> files = unzip(http.getBytes(ORGANISATION_USER, PASSWORD, deposit));
        assertThat(files.keySet()).containsExactly(invoice.getNumber() + ".pdf", "bordereau.csv");
        assertThat(InvoicePdfTest.facturXml(files.get(invoice.getNumber() + ".pdf"))).isEqualTo(InvoicePdfTest.facturXml(pdf));
        List<String> slip = new String(files.get("bordereau.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(slip).hasSize(2);
        assertThat(slip.get(1)).isEqualTo(String.join(";", invoice.getNumber(), "Facture", invoice.getConfirmedAt().toLocalDate().toString(),
                InvoiceCalculator.fromCents(invoice.getNetCents()).toPlainString(), "0.00",
                InvoiceCalculator.fromCents(invoice.getGrossCents()).toPlainString(), action.getFunder().getSiret(), "DIR-FORMATION",
                "EJ-2026-004512", "26S00075", "A1", "IN_DP_E2_CII_FACTURX", invoice.getNumber() + ".pdf"));
    }

    /** What the Région does once the action runs: its references, after refusals of the wrong people and values. */
    private static void recordReferences(WebClient http, TrainingAction action) {
        String references = "/api/dossiers/" + action.getId() + "/market-references";
        String deposit = "/api/dossiers/" + action.getId() + "/chorus-pro-deposit.zip";
        // only the dossier's funder records them; other organisations and funders do not even see the dossier
        assertThat(http.call(ORGANISATION_USER, PASSWORD, "PUT", references, REFERENCES).statusCode()).isEqualTo(403);
        assertThat(http.call("sophie.martin", PASSWORD, "PUT", references, REFERENCES).statusCode()).isEqualTo(404);
        assertThat(http.call("julien.morel", PASSWORD, "PUT", references, REFERENCES).statusCode()).isEqualTo(404);
        assertThat(http.getAs("sophie.martin", PASSWORD, references).statusCode()).isEqualTo(404);

        // wrong references: every problem in French, nothing recorded
        HttpResponse<String> wrong = http.call(FUNDER_USER, PASSWORD, "PUT", references,
                REFERENCES.replace("\"007874\"", "\"0078A\"").replace("2025-11-14", "2027-01-01"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Numéro d'opération Safir", "la date du vote ne peut pas être dans le futur");
        assertThat(http.getAs(ORGANISATION_USER, PASSWORD, references).body()).doesNotContain("007874");

        // nothing to deposit yet, and no legal commitment number
        HttpResponse<String> early = http.getAs(ORGANISATION_USER, PASSWORD, deposit);
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("numéro d'engagement juridique n'est pas enregistré", "Aucune facture n'est encore émise");

        assertThat(http.call(FUNDER_USER, PASSWORD, "PUT", references, REFERENCES).statusCode()).isEqualTo(200);
        assertThat(http.getAs(ORGANISATION_USER, PASSWORD, references).body()).contains("\"applies\":true", "\"editable\":false",
                "\"operationNumber\":\"007874\"", "\"decidingBody\":\"Commission permanente\"", "\"voteDate\":\"2025-11-14\"");
        assertThat(http.getAs(FUNDER_USER, PASSWORD, references).body()).contains("\"editable\":true");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
