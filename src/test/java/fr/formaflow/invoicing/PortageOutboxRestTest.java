package fr.formaflow.invoicing;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.DemoData;
import fr.formaflow.documents.Document;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FacturX;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 000: a portage platform sends each OPCO its invoice by e-mail; its validators read the sendings in their outbox,
 * and nobody else does. The organisation downloads its contract with the platform; another organisation cannot.
 */
@FormaflowTest
class PortageOutboxRestTest {

    static final String PASSWORD = "formaflow";
    static final String PLATFORM_USER = "hugo.lambert";
    static final String OTHER_ORGANISATION_USER = "sophie.martin";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PortageInvoiceRepository portageInvoices;
    @Autowired
    OpcoInvoiceMailer mailer;
    @Autowired
    FunderRepository funders;
    @Autowired
    DocumentService documents;
    @Autowired
    TransactionTemplate transactions;

    final Mailbox mailbox = Mailbox.open();

    @Test
    void thePlatformsValidatorsReadTheInvoicesSentToTheOpcosAndNobodyElseDoes() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = submitted(driver, "AFDAS");
        PortageInvoice invoice = opcoInvoice(action, "APC-2026-0077");
        mailer.onIssued(new OpcoInvoiceMailer.PortageInvoicesIssued(action.getId()));

        Mailbox.Mail sent = mailbox.last("factures@afdas.example");
        assertThat(sent.subject()).contains(invoice.getNumber(), "APC-2026-0077");
        FacturX.assertValid(sent.attachments().get("facture-" + invoice.getNumber() + ".pdf"), "facture envoyée à l'OPCO");

        WebClient web = new WebClient("http://localhost:" + port);
        HttpResponse<String> outbox = web.getAs(PLATFORM_USER, PASSWORD, "/api/portage/outbox");
        assertThat(outbox.statusCode()).isEqualTo(200);
        JsonNode line = find(new ObjectMapper().readTree(outbox.body()), invoice.getNumber());
        assertThat(line.get("recipient").asText()).isEqualTo("AFDAS");
        assertThat(line.get("recipientEmail").asText()).isEqualTo("factures@afdas.example");
        assertThat(line.get("status").asText()).isEqualTo("SENT");
        assertThat(line.get("statusLabel").asText()).isEqualTo("Envoyée");
        assertThat(line.get("contractNumber").asText()).isEqualTo(action.getContractNumber());
        assertThat(line.get("fundingAgreementReference").asText()).isEqualTo("APC-2026-0077");
        assertThat(line.get("sentAt").isNull()).isFalse();

        for (String user : new String[] {FUNDER_USER, ORGANISATION_USER, OTHER_ORGANISATION_USER, "julien.morel"}) {
            HttpResponse<String> refused = web.getAs(user, PASSWORD, "/api/portage/outbox");
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.body()).as(user).contains("réservée aux valideurs d'une plateforme de portage").doesNotContain(invoice.getNumber());
        }
        assertThat(web.get("/api/portage/outbox").statusCode()).isEqualTo(401);
        HttpResponse<String> page = web.get("/envois.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Boîte d'envoi", "envois.js").doesNotContain(invoice.getNumber());
        assertThat(web.call(FUNDER_USER, PASSWORD, "POST", "/api/portage/outbox/" + line.get("id").asLong() + "/resend", "{}").statusCode())
                .isEqualTo(403);
        assertThat(web.call(PLATFORM_USER, PASSWORD, "POST", "/api/portage/outbox/" + line.get("id").asLong() + "/resend", "{}").body())
                .as("an invoice the mail server took is not sent twice").contains("déjà été envoyée");
    }

    @Test
    void aSendingTheMailServerCouldNotMakeIsLoggedAsFailedAndSentAgainOnceTheOpcosAddressIsKnown() throws Exception {
        String code = "OPX" + (System.nanoTime() % 100_000);
        Funder opco = funders.save(new Funder(code, "OPCO " + code, FundingScheme.OPCO, "OPX")
                .address("30561826600004", "1 rue de la Paix", "75002", "Paris"));
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = submitted(driver, opco.getName());
        PortageInvoice invoice = opcoInvoice(action, "ACC-" + code);
        mailer.onIssued(new OpcoInvoiceMailer.PortageInvoicesIssued(action.getId()));

        WebClient web = new WebClient("http://localhost:" + port);
        JsonNode failed = find(new ObjectMapper().readTree(web.getAs(PLATFORM_USER, PASSWORD, "/api/portage/outbox").body()), invoice.getNumber());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("statusLabel").asText()).isEqualTo("Échec de l'envoi");
        assertThat(failed.get("error").asText()).contains("n'indique aucune adresse e-mail de réception des factures");

        String address = code.toLowerCase() + "@opco.example";
        transactions.executeWithoutResult(s -> funders.findById(opco.getId()).orElseThrow().invoicesTo(address));
        HttpResponse<String> resent = web.call(PLATFORM_USER, PASSWORD, "POST", "/api/portage/outbox/" + failed.get("id").asLong() + "/resend", "{}");
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(resent.body()).get("status").asText()).isEqualTo("SENT");
        assertThat(mailbox.to(address)).singleElement().satisfies(m -> assertThat(m.subject()).contains(invoice.getNumber()));
        assertThat(new ObjectMapper().readTree(web.getAs(PLATFORM_USER, PASSWORD, "/api/portage/outbox").body()).findValuesAsText("invoiceNumber"))
                .as("both sendings stay in the log").filteredOn(invoice.getNumber()::equals).hasSize(2);
    }

    @Test
    void theOrganisationDownloadsItsContractWithThePlatformAndAnotherOrganisationCannot() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = submitted(driver, "AFDAS");
        driver.approve(action, "CallActivity_ValidateSubmission");
        Document draft = transactions.execute(s -> documents.of(driver.reload(action)).stream()
                .filter(d -> d.getType() == DocumentType.PORTAGE_CONTRACT_DRAFT).findFirst().orElseThrow());
        String path = "/api/dossiers/" + action.getId() + "/documents/" + draft.getId();
        WebClient web = new WebClient("http://localhost:" + port);

        HttpResponse<String> own = web.getAs(ORGANISATION_USER, PASSWORD, path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(web.getAs(OTHER_ORGANISATION_USER, PASSWORD, path).statusCode()).isIn(403, 404);
        assertThat(web.getAs(OTHER_ORGANISATION_USER, PASSWORD, "/api/dossiers/" + action.getId() + "/documents").statusCode()).isIn(403, 404);
        assertThat(web.getAs(FUNDER_USER, PASSWORD, path).statusCode()).as("another funder's validator").isIn(403, 404);
        assertThat(web.getAs(PLATFORM_USER, PASSWORD, path).statusCode()).as("the platform's validator").isEqualTo(200);
    }

    /** A portage dossier submitted with one client whose OPCO funds part of the training. */
    TrainingAction submitted(DossierDriver driver, String opco) {
        TrainingAction action = driver.create(ORGANISATION_USER, DemoData.PORTAGE, "Régie lumière en portage");
        Map<String, Object> programme = new HashMap<>(DossierDriver.programme(2));
        programme.put("clients", json("[{\"name\":\"Théâtre des Treize Vents\",\"siret\":\"77566820500013\","
                + "\"address\":\"Domaine de Grammont, 34000 Montpellier\",\"email\":\"formation@13vents.fr\",\"opco\":\"" + opco + "\"}]"));
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", programme);
        return action;
    }

    /** The platform's invoice to the client's OPCO, as the issue step saves it. */
    PortageInvoice opcoInvoice(TrainingAction action, String agreement) {
        return portageInvoices.save(new PortageInvoice(action.getId(), "PT-" + System.nanoTime() % 1_000_000_000L,
                new PortageBilling.Bill(PortageBilling.Recipient.OPCO, "Théâtre des Treize Vents", 50_000, 0, 50_000, agreement),
                LocalDateTime.of(2026, 4, 1, 10, 0)));
    }

    static JsonNode find(JsonNode lines, String invoiceNumber) {
        for (JsonNode line : lines) {
            if (line.get("invoiceNumber").asText().equals(invoiceNumber)) {
                return line;
            }
        }
        throw new AssertionError("No sending of " + invoiceNumber + " in " + lines);
    }
}
