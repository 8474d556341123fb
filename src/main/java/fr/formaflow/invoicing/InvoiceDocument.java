package fr.formaflow.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything printed on an invoice or a credit note (avoir), ready to render: amounts in euros with 2 decimals
 * (positive on a credit note too), vatRate a percentage (20 or 0).
 */
public record InvoiceDocument(
        String number, LocalDate issueDate, LocalDate dueDate, boolean creditNote, String kindLabel,
        Party seller, Party buyer, String contractNumber, String actionTitle, String periodLabel,
        List<Line> lines, BigDecimal netTotal, BigDecimal vatRate, BigDecimal vatTotal, BigDecimal grossTotal,
        boolean vatExempt, List<String> notes, String paymentTerms, String creditedInvoiceNumber,
        LocalDate creditedInvoiceDate, LocalDate periodStart, LocalDate periodEnd, BuyerReferences references) {

    /** The buyer's references by default: the dossier's contract number. */
    public InvoiceDocument(String number, LocalDate issueDate, LocalDate dueDate, boolean creditNote, String kindLabel,
                           Party seller, Party buyer, String contractNumber, String actionTitle, String periodLabel,
                           List<Line> lines, BigDecimal netTotal, BigDecimal vatRate, BigDecimal vatTotal, BigDecimal grossTotal,
                           boolean vatExempt, List<String> notes, String paymentTerms, String creditedInvoiceNumber,
                           LocalDate creditedInvoiceDate, LocalDate periodStart, LocalDate periodEnd) {
        this(number, issueDate, dueDate, creditNote, kindLabel, seller, buyer, contractNumber, actionTitle, periodLabel, lines, netTotal,
                vatRate, vatTotal, grossTotal, vatExempt, notes, paymentTerms, creditedInvoiceNumber, creditedInvoiceDate, periodStart,
                periodEnd, BuyerReferences.of(contractNumber));
    }

    /** Without the credited invoice's date nor the service period. */
    public InvoiceDocument(String number, LocalDate issueDate, LocalDate dueDate, boolean creditNote, String kindLabel,
                           Party seller, Party buyer, String contractNumber, String actionTitle, String periodLabel,
                           List<Line> lines, BigDecimal netTotal, BigDecimal vatRate, BigDecimal vatTotal, BigDecimal grossTotal,
                           boolean vatExempt, List<String> notes, String paymentTerms, String creditedInvoiceNumber) {
        this(number, issueDate, dueDate, creditNote, kindLabel, seller, buyer, contractNumber, actionTitle, periodLabel, lines, netTotal,
                vatRate, vatTotal, grossTotal, vatExempt, notes, paymentTerms, creditedInvoiceNumber, null, null, null);
    }

    /**
     * legalMention: legal form, share capital and RCS of a company (BT-33); iban and bic: the account the seller is
     * paid into (BG-16).
     */
    public record Party(String name, String siret, String vatNumber, String nda, String ndaMention,
                        String street, String postcode, String city, String email, String legalMention, String iban, String bic) {

        public Party(String name, String siret, String vatNumber, String nda, String ndaMention, String street, String postcode,
                     String city, String email) {
            this(name, siret, vatNumber, nda, ndaMention, street, postcode, city, email, null, null, null);
        }

        /** The first 9 digits of the SIRET, or null. */
        public String siren() {
            return siret != null && siret.length() >= 9 ? siret.substring(0, 9) : null;
        }
    }

    public record Line(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal total) { }

    /**
     * What the buyer needs to route and match the invoice: its service code (BT-10, « code service » on Chorus Pro), the
     * contract or market (BT-12) and its legal commitment (BT-13, « numéro d'engagement juridique »).
     */
    public record BuyerReferences(String buyerReference, String contractReference, String orderReference, String orderLabel) {

        /** A public buyer's order is its legal commitment; an OPCO's is its funding agreement (orderLabel says which). */
        public BuyerReferences(String buyerReference, String contractReference, String orderReference) {
            this(buyerReference, contractReference, orderReference, "N° d'engagement juridique :");
        }

        public static BuyerReferences of(String contractNumber) {
            return new BuyerReferences(contractNumber, contractNumber, null);
        }
    }
}
