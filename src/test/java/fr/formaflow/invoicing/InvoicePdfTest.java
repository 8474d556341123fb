package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.invoicing.InvoiceDocument.Line;
import fr.formaflow.invoicing.InvoiceDocument.Party;
import fr.formaflow.platform.French;
import fr.formaflow.support.FacturX;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    static final String NDA_MENTION = "Déclaration d'activité enregistrée sous le numéro 91300123430 auprès du préfet de région de "
            + "Languedoc-Roussillon. Cet enregistrement ne vaut pas agrément de l'État.";
    static final Party ORGANISATION = new Party("CFA DES CÉVENNES", "42110064500017", null, "91300123430", NDA_MENTION,
            "12 avenue Jean-Jaurès", "30100", "Alès", "compta@cfa-cevennes.fr");
    static final Party FUNDER = new Party("FONDS FORMATION SUD", "76543210900013", "FR13765432109", null, null,
            "3 place de l'Œuf", "34000", "Montpellier", "factures@ffs.fr");
    static final String PAYMENT_TERMS = "Paiement à 30 jours par virement. En cas de retard, pénalités au taux de trois fois "
            + "le taux d'intérêt légal et indemnité forfaitaire pour frais de recouvrement de 40 € (art. L441-10 du Code de commerce).";

    @Test
    void seedExampleIsAValidExemptFacturX() throws Exception {
        InvoiceDocument doc = seedExample();

        long start = System.nanoTime();
        byte[] pdf = InvoicePdf.render(doc);
        System.out.printf("render seed example: %d ms (first render, cold)%n", (System.nanoTime() - start) / 1_000_000);

        String text = text(pdf);
        assertThat(text).contains("FACTURE n° FA-2006-0042", French.euros(new BigDecimal("2445.00")),
                French.euros(new BigDecimal("2345.00")), "Exonération de TVA, article 261-4-4° a du CGI", NDA_MENTION,
                "42110064500017", "76543210900013", "Heures de formation en centre — octobre 2006", "Page 1 / 1",
                "Dont 1" + "\u202F" + "500,00\u00A0€ pour CÉVENNES GESTION", "indemnité forfaitaire", "05/11/2006", "05/12/2006");
        assertThat(text).contains("2\u202F445,00\u00A0€"); // French grouping: narrow no-break space, no-break space before €

        String xml = facturXml(pdf);
        assertThat(xml).contains("<ram:TypeCode>380</ram:TypeCode>", "<ram:ID>FA-2006-0042</ram:ID>",
                "<ram:GrandTotalAmount>2445.00</ram:GrandTotalAmount>", "<ram:TaxBasisTotalAmount>2445.00</ram:TaxBasisTotalAmount>",
                "<ram:DuePayableAmount>2445.00</ram:DuePayableAmount>", "<ram:CategoryCode>E</ram:CategoryCode>",
                "<ram:ExemptionReason>Exonération de TVA, article 261-4-4° a du CGI</ram:ExemptionReason>",
                "<ram:GlobalID schemeID=\"0009\">42110064500017</ram:GlobalID>", "<ram:ID schemeID=\"0002\">421100645</ram:ID>",
                "<ram:GlobalID schemeID=\"0009\">76543210900013</ram:GlobalID>", "<ram:ID schemeID=\"0002\">765432109</ram:ID>",
                "<ram:ID schemeID=\"FC\">421100645</ram:ID>", "<ram:SubjectCode>PMD</ram:SubjectCode>", "<ram:SubjectCode>PMT</ram:SubjectCode>",
                "<ram:CountryID>FR</ram:CountryID>", "<ram:BilledQuantity unitCode=\"HUR\">335",
                "<ram:LineTotalAmount>2345.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>100.00</ram:LineTotalAmount>",
                "<ram:IssuerAssignedID>CT-2006-017</ram:IssuerAssignedID>", "<ram:BuyerReference>CT-2006-017</ram:BuyerReference>",
                "<udt:DateTimeString format=\"102\">20061205</udt:DateTimeString>",
                "urn:cen.eu:en16931:2017");
        assertPdfA3WithFacturXMetadata(pdf);
        FacturX.assertValid(pdf, "seed example");
    }

    @Test
    void vatLiableInvoiceAt20PercentIsValid() throws Exception {
        InvoiceDocument doc = new InvoiceDocument("FA-2026-0007", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4), false,
                "Facture mensuelle", withVat(ORGANISATION), FUNDER, "CT-2026-003", "Titre professionnel Secrétaire assistant",
                "janvier 2026",
                List.of(new Line("Heures de formation — janvier 2026", d("120.5"), "h", d("12.00"), d("1446.00")),
                        new Line("Frais de dossier", d("1"), "forfait", d("150.00"), d("150.00"))),
                d("1596.00"), d("20"), d("319.20"), d("1915.20"), false, List.of(), PAYMENT_TERMS, null);

        byte[] pdf = InvoicePdf.render(doc);

        String text = text(pdf);
        assertThat(text).contains("FACTURE n° FA-2026-0007", "TVA (20 %)", French.euros(d("319.20")), French.euros(d("1915.20")),
                "120,5", "FR75421100645").doesNotContain("Exonération");
        String xml = facturXml(pdf);
        assertThat(xml).contains("<ram:CategoryCode>S</ram:CategoryCode>", "<ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>",
                "<ram:TaxTotalAmount currencyID=\"EUR\">319.20</ram:TaxTotalAmount>", "<ram:GrandTotalAmount>1915.20</ram:GrandTotalAmount>",
                "<ram:ID schemeID=\"VA\">FR75421100645</ram:ID>", "<ram:BilledQuantity unitCode=\"C62\">1")
                .doesNotContain("ExemptionReason");
        FacturX.assertValid(pdf, "20 % VAT");
    }

    @Test
    void creditNoteIsType381AndRefersToTheInvoice() throws Exception {
        InvoiceDocument doc = new InvoiceDocument("AV-2006-0003", LocalDate.of(2006, 11, 20), LocalDate.of(2006, 11, 20), true,
                "Avoir", ORGANISATION, FUNDER, "CT-2006-017", "CAP Cuisine", "octobre 2006",
                List.of(new Line("Heures de formation en centre facturées à tort — octobre 2006", d("10"), "h", d("7.00"), d("70.00"))),
                d("70.00"), BigDecimal.ZERO, d("0.00"), d("70.00"), true, List.of(), null, "FA-2006-0042");

        byte[] pdf = InvoicePdf.render(doc);

        assertThat(text(pdf)).contains("AVOIR n° AV-2006-0003", "Avoir sur la facture n° FA-2006-0042", French.euros(d("70.00")));
        assertThat(facturXml(pdf)).contains("<ram:TypeCode>381</ram:TypeCode>", "<ram:GrandTotalAmount>70.00</ram:GrandTotalAmount>",
                "<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FA-2006-0042</ram:IssuerAssignedID>");
        FacturX.assertValid(pdf, "credit note");
    }

    @Test
    void totalsThatDoNotAddUpAreRefused() {
        InvoiceDocument seed = seedExample();
        InvoiceDocument wrong = new InvoiceDocument(seed.number(), seed.issueDate(), seed.dueDate(), false, seed.kindLabel(),
                seed.seller(), seed.buyer(), seed.contractNumber(), seed.actionTitle(), seed.periodLabel(), seed.lines(),
                d("2444.00"), seed.vatRate(), seed.vatTotal(), d("2444.00"), true, seed.notes(), seed.paymentTerms(), null);

        assertThatThrownBy(() -> InvoicePdf.render(wrong)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2445.00");
    }

    @Test
    void renderingIsFastEnoughOnceWarm() {
        InvoicePdf.render(seedExample());
        long start = System.nanoTime();
        int count = 5;
        for (int i = 0; i < count; i++) {
            InvoicePdf.render(seedExample());
        }
        System.out.printf("render seed example: %d ms per invoice (warm)%n", (System.nanoTime() - start) / 1_000_000 / count);
    }

    static InvoiceDocument seedExample() {
        return new InvoiceDocument("FA-2006-0042", LocalDate.of(2006, 11, 5), LocalDate.of(2006, 12, 5), false,
                "Facture mensuelle", ORGANISATION, FUNDER, "CT-2006-017", "CAP Cuisine", "octobre 2006",
                List.of(new Line("Heures de formation en centre — octobre 2006", d("335"), "h", d("7.00"), d("2345.00")),
                        new Line("Heures en entreprise", d("100"), "h", d("1.00"), d("100.00"))),
                d("2445.00"), BigDecimal.ZERO, d("0.00"), d("2445.00"), true,
                List.of("Dont " + French.euros(d("1500.00")) + " pour CÉVENNES GESTION"), PAYMENT_TERMS, null);
    }

    private static Party withVat(Party p) {
        return new Party(p.name(), p.siret(), "FR75421100645", p.nda(), p.ndaMention(), p.street(), p.postcode(), p.city(), p.email());
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines wrapped on the page are joined; no-break spaces (U+00A0, U+202F) are kept as they are
            return new PDFTextStripper().getText(doc).replaceAll("[ \\r\\n]+", " ");
        }
    }

    static String facturXml(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            PDComplexFileSpecification file = names.getEmbeddedFiles().getNames().get("factur-x.xml");
            assertThat(file).as("factur-x.xml attachment").isNotNull();
            assertThat(file.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Alternative");
            // Mustang pretty-prints the XML: compacted here so that elements can be matched as one string
            return new String(file.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8).replaceAll(">\\s+<", "><");
        }
    }

    private static void assertPdfA3WithFacturXMetadata(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            DomXmpParser parser = new DomXmpParser();
            parser.setStrictParsing(false);
            XMPMetadata xmp = parser.parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(3);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("U");
            String raw = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(raw).contains("factur-x.xml", "EN 16931", "INVOICE");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("FACTURE n° FA-2006-0042");
        }
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
