package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.Programme;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingNature;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.support.FacturX;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every kind of invoice Formaflow issues, from the dossier to the Factur-X file, through Mustang's validator with no
 * warning at all, and read back: the mentions of the French invoicing rules (CGI annexe II art. 242 nonies A, the
 * e-invoicing reform's BR-FR rules, Code de commerce L441-10) in the page and in the XML.
 */
class FacturXInvoicesTest {

    static final LocalDateTime CONFIRMED = LocalDateTime.of(2026, 2, 3, 10, 0);

    /** Mention → the text of the page that proves it. */
    static final String[][] PAGE = {
            {"invoice number", "FACTURE n° "},
            {"issue date", "Date d'émission : 03/02/2026"},
            {"due date", "Date d'échéance : 05/03/2026"},
            {"service period", "Période de réalisation : du "},
            {"nature of the operation (BT-23)", "Nature de l'opération : prestation de services"},
            {"seller's SIRET and SIREN", "SIRET : 51234567900017 — SIREN : 512345679"},
            {"seller's NDA", "N° de déclaration d'activité : 76340123434"},
            {"seller's legal form, capital, RCS", "SAS au capital de 10 000,00 € — RCS Montpellier 512 345 679"},
            {"seller's e-invoicing address (BT-34)", "Adresse de facturation électronique : 512345679"},
            {"buyer's SIREN", "SIREN : 230000032"},
            {"buyer's e-invoicing address (BT-49)", "Adresse de facturation électronique : 230000032"},
            {"contract", "Contrat n° 2026QCA0001"},
            {"late-payment penalties", "pénalités au taux d'intérêt de la Banque centrale européenne"},
            {"recovery fee", "indemnité forfaitaire pour frais de recouvrement de 40 €"},
            {"no discount", "Pas d'escompte pour paiement anticipé"},
            {"bank account (BG-16)", "IBAN FR7630006000011234567890189 — BIC AGRIFRPPXXX"},
            {"NDA mention", "Déclaration d'activité enregistrée sous le numéro 76340123434"},
    };

    /** Mention → the CII element that carries it. */
    static final String[][] XML = {
            {"BT-23 nature of the operation", "<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>S1</ram:ID>"},
            {"BT-34 seller e-address", "<ram:URIID schemeID=\"0225\">512345679</ram:URIID>"},
            {"BT-49 buyer e-address", "<ram:URIID schemeID=\"0225\">230000032</ram:URIID>"},
            {"BT-33 legal form, capital, RCS", "<ram:Description>SAS au capital de 10"},
            {"BR-FR-05 no-discount note", "<ram:SubjectCode>AAB</ram:SubjectCode>"},
            {"BR-FR-05 penalties note", "<ram:SubjectCode>PMD</ram:SubjectCode>"},
            {"BR-FR-05 recovery fee note", "<ram:SubjectCode>PMT</ram:SubjectCode>"},
            {"BG-14 service period", "<ram:BillingSpecifiedPeriod>"},
            {"BG-16 payment means", "<ram:TypeCode>58</ram:TypeCode>"},
            {"BT-84 IBAN", "<ram:IBANID>FR7630006000011234567890189</ram:IBANID>"},
            {"buyer SIREN (BT-47)", "<ram:ID schemeID=\"0002\">230000032</ram:ID>"},
    };

    @Test
    void aMonthlyInvoiceIsCleanFacturX() throws Exception {
        TrainingAction action = action(false, FundingScheme.REGION_MARKET);
        Invoice invoice = monthly(action, "FA-2026-0001", BigDecimal.ZERO, CONFIRMED);
        String[] texts = check(action, invoice, "monthly");
        assertMentions(texts[0], new String[][] {{"exemption", "Exonération de TVA, article 261-4-4° a du CGI"},
                {"hours at unit cost", "Heures de formation en centre — janvier 2026"}, {"period", "du 05/01/2026 au 31/01/2026"}});
        assertMentions(texts[1], new String[][] {{"BT-73", "20260105"}, {"BT-74", "20260131"}, {"exempt", "<ram:CategoryCode>E</ram:CategoryCode>"}});
    }

    @Test
    void aBalanceInvoiceIsCleanFacturX() throws Exception {
        TrainingAction action = action(false, FundingScheme.REGION_MARKET);
        Invoice invoice = confirmed(new Invoice(action.getId(), 1L, InvoiceKind.BALANCE, List.of(),
                new PeriodAmount(new BigDecimal("140"), BigDecimal.ZERO, new BigDecimal("500.00"), 2), 50_000,
                new Subcontracting.Deduction(50_000, List.of()), InvoiceCalculator.totals(new BigDecimal("500.00"), BigDecimal.ZERO),
                "Solde : montant dû sur les heures réalisées, moins les acomptes.", null, CONFIRMED), "FA-2026-0002");
        String[] texts = check(action, invoice, "balance");
        assertMentions(texts[0], new String[][] {{"balance", "Solde"}, {"whole action", "du 05/01/2026 au 27/02/2026"}});
    }

    @Test
    void aSubcontractedInvoiceIsCleanFacturX() throws Exception {
        TrainingAction action = action(false, FundingScheme.REGION_MARKET);
        Invoice invoice = confirmed(new Invoice(action.getId(), 1L, InvoiceKind.MONTHLY, List.of(YearMonth.of(2026, 1)),
                new PeriodAmount(new BigDecimal("133.5"), BigDecimal.ZERO, new BigDecimal("934.50"), 2), 93_450,
                new Subcontracting.Deduction(63_450, List.of(new Subcontracting.Pending(1, "CÉVENNES GESTION", 30_000))),
                InvoiceCalculator.totals(new BigDecimal("634.50"), BigDecimal.ZERO), null,
                "Dont 300,00\u00a0€ pour CÉVENNES GESTION", CONFIRMED), "FA-2026-0003");
        String[] texts = check(action, invoice, "subcontracted");
        assertMentions(texts[0], new String[][] {{"subcontractor's share", "Dont 300,00 € pour CÉVENNES GESTION"}});
    }

    @Test
    void aVatInvoiceStatesTheSellersIntraEuVatNumber() throws Exception {
        TrainingAction action = action(true, FundingScheme.REGION_MARKET);
        Invoice invoice = monthly(action, "FA-2026-0004", new BigDecimal("20"), CONFIRMED);
        String[] texts = check(action, invoice, "VAT");
        String vatNumber = fr.formaflow.organisation.Siret.of("51234567900017").intraEuVatNumber();
        assertThat(vatNumber).isEqualTo("FR" + String.format("%02d", (12 + 3 * (512345679L % 97)) % 97) + "512345679");
        assertMentions(texts[0], new String[][] {{"VAT", "TVA (20 %)"}, {"seller's intra-EU VAT number", "N° TVA intracommunautaire : " + vatNumber}});
        assertMentions(texts[1], new String[][] {{"BT-31", "<ram:ID schemeID=\"VA\">" + vatNumber + "</ram:ID>"},
                {"standard rate", "<ram:CategoryCode>S</ram:CategoryCode>"}});
    }

    @Test
    void aCreditNoteRefersToTheInvoiceAndItsDate() throws Exception {
        TrainingAction action = action(false, FundingScheme.REGION_MARKET);
        Invoice rejected = monthly(action, "FA-2026-0005", BigDecimal.ZERO, CONFIRMED.minusDays(2));
        ReflectionTestUtils.setField(rejected, "id", 5L);
        rejected.reject("Heures non justifiées", "region", CONFIRMED.minusDays(1));
        Invoice credit = Invoice.creditNoteOf(rejected, "AV-2026-0001", CONFIRMED);
        ReflectionTestUtils.setField(credit, "id", 6L);
        InvoiceService service = mock(InvoiceService.class);
        when(service.get(5L)).thenReturn(rejected);
        byte[] pdf = InvoicePdf.render(new InvoiceDocuments(service, mock(FunderRepository.class)).document(action, credit));
        FacturX.assertValidWithoutWarnings(pdf, "credit note");
        assertMentions(InvoicePdfTest.text(pdf), new String[][] {{"credit note", "AVOIR n° AV-2026-0001"},
                {"credited invoice", "Avoir sur la facture n° FA-2026-0005"}, {"no discount", "Pas d'escompte"}});
        assertMentions(InvoicePdfTest.facturXml(pdf), new String[][] {{"type 381", "<ram:TypeCode>381</ram:TypeCode>"},
                {"BT-25, BT-26", "<ram:IssuerAssignedID>FA-2026-0005</ram:IssuerAssignedID><ram:FormattedIssueDateTime>"},
                {"AAB", "<ram:SubjectCode>AAB</ram:SubjectCode>"}});
    }

    @Test
    void theThreePortageInvoicesAreCleanFacturX() throws Exception {
        TrainingAction action = action(false, FundingScheme.PORTAGE);
        FunderRepository funders = mock(FunderRepository.class);
        when(funders.findFirstByNameIgnoreCase("AFDAS")).thenReturn(java.util.Optional.of(new Funder("AFDAS", "AFDAS", FundingScheme.OPCO, "AFD")
                .address("30403263200024", "66 rue Stendhal", "75020", "Paris").invoicesTo("factures@afdas.example")));
        InvoiceDocuments documents = new InvoiceDocuments(mock(InvoiceService.class), funders);
        List<PortageBilling.TraineeHours> trainees = List.of(
                new PortageBilling.TraineeHours("Anna Martin", new BigDecimal("140"), BigDecimal.ZERO, BigDecimal.ZERO),
                new PortageBilling.TraineeHours("Louis Petit", new BigDecimal("133.5"), BigDecimal.ZERO, new BigDecimal("6.5")));
        int n = 0;
        for (PortageBilling.Bill bill : List.of(
                new PortageBilling.Bill(PortageBilling.Recipient.CLIENT, "Théâtre des Treize Vents", 100_000, 0, 100_000),
                new PortageBilling.Bill(PortageBilling.Recipient.OPCO, "Théâtre des Treize Vents", 150_000, 0, 150_000, "APC-2026-0042"),
                new PortageBilling.Bill(PortageBilling.Recipient.SERVICE_FEE, null, 25_000, 5_000, 30_000))) {
            PortageInvoice invoice = new PortageInvoice(action.getId(), "PF-2026-000" + (++n), bill, CONFIRMED);
            byte[] pdf = InvoicePdf.render(documents.document(action, invoice, bill.recipient() == PortageBilling.Recipient.OPCO ? trainees : List.of()));
            FacturX.assertValidWithoutWarnings(pdf, "portage " + bill.recipient());
            String xml = InvoicePdfTest.facturXml(pdf);
            assertMentions(xml, new String[][] {{"BT-23", "<ram:ID>S1</ram:ID>"}, {"AAB", "<ram:SubjectCode>AAB</ram:SubjectCode>"},
                    {"BG-14", "<ram:BillingSpecifiedPeriod>"}});
            if (bill.recipient() == PortageBilling.Recipient.OPCO) {
                // seed 000: the OPCO's invoice names the OPCO (address, SIREN), its funding agreement and the trainees with their hours
                assertMentions(xml, new String[][] {{"BT-47 the OPCO's SIREN", ">304032632</ram:ID>"}, {"BT-50", "66 rue Stendhal"},
                        {"BT-13 the funding agreement", "<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>APC-2026-0042"},
                        {"trainees", "Anna Martin : 140 h"}, {"justified absences", "Louis Petit : 133,5 h"}});
                assertMentions(InvoicePdfTest.text(pdf).replaceAll("\\s+", " "), new String[][] {{"OPCO", "AFDAS 66 rue Stendhal 75020 Paris"},
                        {"SIREN", "SIREN : 304032632"}, {"agreement", "Accord de prise en charge n° APC-2026-0042"},
                        {"where it receives invoices", "factures@afdas.example"}, {"trainee", "Anna Martin : 140 h réalisées"},
                        {"absence", "6,5 h d'absence justifiée"}});
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------------

    /** Renders the invoice, validates it with no warning, checks the common mentions; returns its page text and its XML. */
    String[] check(TrainingAction action, Invoice invoice, String label) throws Exception {
        byte[] pdf = InvoicePdf.render(new InvoiceDocuments(mock(InvoiceService.class), mock(FunderRepository.class)).document(action, invoice));
        FacturX.assertValidWithoutWarnings(pdf, label);
        String text = InvoicePdfTest.text(pdf), xml = InvoicePdfTest.facturXml(pdf);
        assertMentions(text, PAGE);
        assertMentions(xml, XML);
        return new String[] {text, xml};
    }

    /** January's 133.5 centre hours at 7.00 €, confirmed under that number. */
    static Invoice monthly(TrainingAction action, String number, BigDecimal vatRate, LocalDateTime at) {
        Invoice invoice = new Invoice(action.getId(), 1L, InvoiceKind.MONTHLY, List.of(YearMonth.of(2026, 1)),
                new PeriodAmount(new BigDecimal("133.5"), BigDecimal.ZERO, new BigDecimal("934.50"), 2), 93_450,
                new Subcontracting.Deduction(93_450, List.of()), InvoiceCalculator.totals(new BigDecimal("934.50"), vatRate), null, null, at);
        invoice.confirm(number, at, InvoiceDocuments.references(action));
        return invoice;
    }

    static Invoice confirmed(Invoice invoice, String number) {
        invoice.confirm(number, CONFIRMED, InvoiceDocument.BuyerReferences.of(null));
        return invoice;
    }

    static void assertMentions(String text, String[][] mentions) {
        String flat = text.replace('\u00a0', ' ').replace('\u202f', ' ');
        SoftAssertions softly = new SoftAssertions();
        for (String[] mention : mentions) {
            softly.assertThat(flat).as(mention[0]).contains(mention[1].replace('\u00a0', ' '));
        }
        softly.assertAll();
    }

    static TrainingAction action(boolean vatLiable, FundingScheme scheme) {
        Organisation organisation = new Organisation("51234567900017", "Scènes et Formations", "76340123434")
                .address("12 rue de l'Arc", "34800", "Clermont-l'Hérault")
                .contact("Claire Martin", "compta@scenes-formations.fr", "04 67 00 00 00")
                .status(true, false, true, vatLiable)
                .registeredIn("Occitanie", "Hérault")
                .company(null, "SAS", 1_000_000L, "RCS Montpellier 512 345 679")
                .bankAccount("FR76 3000 6000 0112 3456 7890 189", "AGRIFRPPXXX");
        Funder funder = new Funder("REGION", "Région Occitanie", scheme, "R").address("23000003200012", "201 avenue de la Pompignane",
                "34064", "Montpellier");
        TrainingAction action = new TrainingAction("2026QCA0001", funder, organisation, "Accessoiriste de spectacle", 2026,
                LocalDateTime.of(2025, 12, 1, 9, 0));
        action.submit(new Programme("Accessoiriste de spectacle", "Objectifs", "Programme", "45054", TrainingNature.ACTION_DE_FORMATION, true,
                new BigDecimal("140"), BigDecimal.ZERO, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 27), "Clermont-l'Hérault", 2, 2,
                196_000L, 0L, 700L, 0L, List.of(new Period(Place.CENTRE, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 27))),
                List.of(new ClientCompany("Théâtre des Treize Vents", "77566820500013", "Domaine de Grammont, 34000 Montpellier",
                        "compta@13vents.fr", "AFDAS"))),
                List.of(new TrainerAssignment(1L, new BigDecimal("140"))));
        ReflectionTestUtils.setField(action, "id", 1L);
        return action;
    }
}
