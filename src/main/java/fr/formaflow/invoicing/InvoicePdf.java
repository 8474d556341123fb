package fr.formaflow.invoicing;

import fr.formaflow.documents.PdfDocument;
import fr.formaflow.documents.PdfDocument.Column;
import fr.formaflow.invoicing.InvoiceDocument.Line;
import fr.formaflow.invoicing.InvoiceDocument.Party;
import fr.formaflow.platform.French;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.mustangproject.BankDetails;
import org.mustangproject.IncludedNote;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.ReferencedDocument;
import org.mustangproject.SchemedID;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.mustangproject.ZUGFeRD.model.DocumentCodeTypeConstants;
import org.mustangproject.ZUGFeRD.model.TaxCategoryCodeTypeConstants;

/**
 * An invoice or credit note as a Factur-X PDF: the page a person reads (drawn with {@link PdfDocument}, PDF/A-3)
 * with the same invoice embedded as CII XML, profile EN 16931, in factur-x.xml.
 */
public final class InvoicePdf {

    public static final String VAT_EXEMPTION = "Exonération de TVA, article 261-4-4° a du CGI";
    /** ISO 6523 codes the French e-invoicing rules (BR-FR-09/10) use: SIREN as legal registration id, SIRET as party id. */
    static final String SIREN_SCHEME = "0002", SIRET_SCHEME = "0009";
    /** Fixed by law for every late payment between professionals (Code de commerce, L441-10 and D441-5). */
    static final String RECOVERY_FEE = "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.";
    static final String LATE_PENALTIES = "En cas de retard de paiement : pénalités au taux d'intérêt de la Banque centrale européenne "
            + "majoré de 10 points (article L441-10 du Code de commerce).";
    static final String NO_DISCOUNT = "Pas d'escompte pour paiement anticipé.";
    /** BT-23, French e-invoicing « cadre de facturation »: S1, an invoice for services. */
    static final String SERVICES = "S1";
    static final String NATURE = "Nature de l'opération : prestation de services (action de formation professionnelle).";
    /** ISO 6523 code of the French e-invoicing directory: an electronic address made of the SIREN. */
    static final String DIRECTORY_SCHEME = "0225";
    /** UNTDID 4461: SEPA credit transfer. */
    static final String SEPA_CREDIT_TRANSFER = "58";

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceDocument doc) {
        checkArithmetic(doc);
        byte[] visual = visual(doc);
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setOverwrite(false) // keep PdfDocument's PDF/A metadata (title, dates), add the Factur-X schema
                    .setProducer(PdfDocument.PRODUCER)
                    .setCreator(PdfDocument.PRODUCER)
                    .setProfile(Profiles.getByName("EN16931"))
                    .load(visual);
            exporter.setTransaction(facturX(doc));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Factur-X de " + doc.number() + " impossible à produire", e);
        }
    }

    private static byte[] visual(InvoiceDocument doc) {
        String title = (doc.creditNote() ? "AVOIR n° " : "FACTURE n° ") + doc.number();
        PdfDocument pdf = new PdfDocument(title + " — " + doc.seller().name(), title)
                .header(partyLines(doc.seller()), partyLines(doc.buyer()))
                .title(title);
        if (doc.kindLabel() != null) {
            pdf.paragraph(doc.kindLabel());
        }
        if (doc.creditNote()) {
            pdf.paragraph("Avoir sur la facture n° " + doc.creditedInvoiceNumber());
        }
        pdf.paragraph("Date d'émission : " + French.date(doc.issueDate()) + "\nDate d'échéance : " + French.date(doc.dueDate())
                + (doc.periodStart() == null ? "" : "\nPériode de réalisation : du " + French.date(doc.periodStart()) + " au "
                + French.date(doc.periodEnd())) + "\n" + NATURE);
        pdf.heading("Action de formation")
                .paragraph("Contrat n° " + doc.contractNumber() + " — " + doc.actionTitle()
                        + (doc.periodLabel() == null ? "" : "\nPériode : " + doc.periodLabel()) + buyerReferences(doc.references(), doc.contractNumber()));
        List<List<String>> rows = new ArrayList<>();
        for (Line line : doc.lines()) {
            rows.add(List.of(line.description(), quantity(line.quantity()), line.unit() == null ? "" : line.unit(),
                    unitPrice(line.unitPrice()), French.euros(line.total())));
        }
        pdf.table(List.of(new Column("Désignation", 44, false), new Column("Quantité", 11, true),
                new Column("Unité", 8, false), new Column("Prix unitaire HT", 20, true), new Column("Total HT", 17, true)), rows);
        pdf.totals(List.of(
                new String[] {"Total HT", French.euros(doc.netTotal())},
                new String[] {"TVA (" + quantity(doc.vatRate()) + " %)", French.euros(doc.vatTotal())},
                new String[] {doc.creditNote() ? "Total TTC de l'avoir" : "Total TTC", French.euros(doc.grossTotal())}));
        if (doc.vatExempt()) {
            pdf.paragraph(VAT_EXEMPTION);
        }
        for (String note : doc.notes() == null ? List.<String>of() : doc.notes()) {
            pdf.paragraph(note);
        }
        pdf.heading("Conditions de paiement").paragraph(paymentTerms(doc));
        if (doc.paymentTerms() == null) {
            pdf.paragraph(LATE_PENALTIES + " " + RECOVERY_FEE + " " + NO_DISCOUNT);
        }
        if (doc.seller().iban() != null) {
            pdf.paragraph("Règlement par virement sur le compte IBAN " + doc.seller().iban()
                    + (doc.seller().bic() == null ? "" : " — BIC " + doc.seller().bic()) + ".");
        }
        for (Party party : List.of(doc.seller(), doc.buyer())) {
            if (party.ndaMention() != null) {
                pdf.small(party.name() + " — " + party.ndaMention());
            }
        }
        return pdf.toBytes();
    }

    private static List<String> partyLines(Party party) {
        List<String> lines = new ArrayList<>(List.of(party.name()));
        add(lines, party.street());
        add(lines, join(party.postcode(), party.city()));
        add(lines, party.siret() == null ? null : "SIRET : " + party.siret() + " — SIREN : " + party.siren());
        add(lines, party.vatNumber() == null ? null : "N° TVA intracommunautaire : " + party.vatNumber());
        add(lines, party.nda() == null ? null : "N° de déclaration d'activité : " + party.nda());
        add(lines, party.legalMention());
        add(lines, party.siren() == null ? null : "Adresse de facturation électronique : " + party.siren());
        add(lines, party.email());
        return lines;
    }

    /** The buyer's own references, when they are not simply the contract number. */
    private static String buyerReferences(InvoiceDocument.BuyerReferences references, String contractNumber) {
        StringBuilder text = new StringBuilder();
        if (!contractNumber.equals(references.contractReference())) {
            text.append("\nMarché n° ").append(references.contractReference());
        }
        if (references.orderReference() != null) {
            text.append("\n").append(references.orderLabel()).append(" ").append(references.orderReference());
        }
        if (!contractNumber.equals(references.buyerReference())) {
            text.append("\nCode service : ").append(references.buyerReference());
        }
        return text.toString();
    }

    /** The CII XML of the invoice: the same parties, lines and totals as the page. */
    private static Invoice facturX(InvoiceDocument doc) {
        Invoice invoice = new Invoice()
                .setNumber(doc.number())
                .setIssueDate(date(doc.issueDate()))
                .setDueDate(date(doc.dueDate()))
                .setCurrency("EUR")
                .setSender(tradeParty(doc.seller(), true))
                .setRecipient(tradeParty(doc.buyer(), false))
                .setReferenceNumber(doc.references().buyerReference())
                .setContractReferencedDocument(new ReferencedDocument(doc.references().contractReference()))
                .addNote("Contrat n° " + doc.contractNumber() + " — " + doc.actionTitle()
                        + (doc.periodLabel() == null ? "" : " — période : " + doc.periodLabel()));
        invoice.setBusinessProcessId(SERVICES);
        if (doc.references().orderReference() != null) {
            invoice.setBuyerOrderReferencedDocumentID(doc.references().orderReference());
        }
        if (doc.creditNote()) {
            // BR-FR-CO-05: the credited invoice with its date (BT-25, BT-26)
            invoice.setCreditNote().addInvoiceReferencedDocument(doc.creditedInvoiceDate() == null
                    ? new ReferencedDocument(doc.creditedInvoiceNumber())
                    : new ReferencedDocument(doc.creditedInvoiceNumber(), date(doc.creditedInvoiceDate())));
        } else {
            invoice.setDocumentCode(DocumentCodeTypeConstants.INVOICE);
        }
        if (doc.periodStart() != null) {
            // BG-14, and BT-72 (the service's last day) so that the delivery element is never empty (PEPPOL-EN16931-R008)
            invoice.setDetailedDeliveryPeriod(date(doc.periodStart()), date(doc.periodEnd())).setDeliveryDate(date(doc.periodEnd()));
        }
        // BT-20: an empty payment terms element is refused too (PEPPOL-EN16931-R008)
        invoice.setPaymentTermDescription(paymentTerms(doc));
        // the notes French rules require on every invoice and credit note (BR-FR-05): penalties, recovery fee, discount
        invoice.addNotes(List.of(new IncludedNote(LATE_PENALTIES, SubjectCode.PMD), new IncludedNote(RECOVERY_FEE, SubjectCode.PMT),
                new IncludedNote(NO_DISCOUNT, SubjectCode.AAB)));
        for (String note : doc.notes() == null ? List.<String>of() : doc.notes()) {
            invoice.addNote(note);
        }
        if (doc.seller().ndaMention() != null) {
            invoice.addRegulatoryNote(doc.seller().ndaMention());
        }
        for (Line line : doc.lines()) {
            Product product = new Product(line.description(), null, unitCode(line.unit()), doc.vatRate());
            if (doc.vatExempt()) {
                product.setTaxCategoryCode(TaxCategoryCodeTypeConstants.TAXEXEMPT).setTaxExemptionReason(VAT_EXEMPTION);
            } else if (doc.vatRate().signum() > 0) {
                product.setTaxCategoryCode(TaxCategoryCodeTypeConstants.STANDARDRATE);
            }
            invoice.addItem(new Item(product, line.unitPrice(), line.quantity()));
        }
        return invoice;
    }

    /** The invoice's payment terms; a credit note's say what becomes of its amount. */
    private static String paymentTerms(InvoiceDocument doc) {
        return doc.paymentTerms() != null ? doc.paymentTerms()
                : "Avoir à déduire du règlement de la facture n° " + doc.creditedInvoiceNumber() + ".";
    }

    private static TradeParty tradeParty(Party party, boolean seller) {
        TradeParty trade = new TradeParty(party.name(), party.street(), party.postcode(), party.city(), "FR");
        String siren = party.siren();
        if (party.siret() != null) {
            trade.addGlobalID(new SchemedID(SIRET_SCHEME, party.siret()));
            trade.setLegalOrganisation(new LegalOrganisation(new SchemedID(SIREN_SCHEME, siren), null));
        }
        if (party.vatNumber() != null) {
            trade.setVATID(party.vatNumber());
        } else if (seller && siren != null) {
            // EN 16931 (BR-E-02, BR-S-02) wants a tax identifier of the seller: without a VAT number, its SIREN
            trade.setTaxID(siren);
        }
        // BT-34 / BT-49: the electronic invoicing address, the SIREN in the French directory; an e-mail without SIREN
        if (siren != null) {
            trade.setEmail(DIRECTORY_SCHEME, siren);
        } else if (party.email() != null) {
            trade.setEmail(party.email());
        }
        if (seller && party.legalMention() != null) {
            trade.setDescription(party.legalMention()); // BT-33
        }
        if (seller && party.iban() != null) {
            trade.addBankDetails(new BankDetails(party.iban(), party.bic()).setPaymentMeansCode(SEPA_CREDIT_TRANSFER)
                    .setAccountName(party.name()));
        }
        return trade;
    }

    /** The page and the XML must state the same amounts: the XML's are recomputed from quantities and prices. */
    private static void checkArithmetic(InvoiceDocument doc) {
        BigDecimal net = BigDecimal.ZERO;
        for (Line line : doc.lines()) {
            BigDecimal computed = line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP);
            if (computed.compareTo(line.total()) != 0) {
                throw new IllegalArgumentException("Ligne « " + line.description() + " » : " + line.quantity() + " × "
                        + line.unitPrice() + " = " + computed + ", pas " + line.total());
            }
            net = net.add(computed);
        }
        BigDecimal vat = net.multiply(doc.vatRate()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        if (net.compareTo(doc.netTotal()) != 0 || vat.compareTo(doc.vatTotal()) != 0
                || net.add(vat).compareTo(doc.grossTotal()) != 0) {
            throw new IllegalArgumentException("Totaux incohérents pour " + doc.number() + " : HT " + net + ", TVA " + vat
                    + ", TTC " + net.add(vat) + " attendus");
        }
        if (doc.vatExempt() && doc.vatRate().signum() != 0) {
            throw new IllegalArgumentException("Une facture exonérée de TVA a un taux de 0 %");
        }
    }

    /** UN/ECE recommendation 20 unit codes. */
    static String unitCode(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.FRENCH);
        if (u.equals("h") || u.startsWith("heure")) {
            return "HUR";
        }
        if (u.equals("j") || u.startsWith("jour")) {
            return "DAY";
        }
        return "C62";
    }

    private static String quantity(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private static String unitPrice(BigDecimal value) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static String join(String postcode, String city) {
        String joined = ((postcode == null ? "" : postcode) + " " + (city == null ? "" : city)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }
}
