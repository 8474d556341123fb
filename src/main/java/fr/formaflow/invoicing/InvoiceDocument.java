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
        boolean vatExempt, List<String> notes, String paymentTerms, String creditedInvoiceNumber) {

    public record Party(String name, String siret, String vatNumber, String nda, String ndaMention,
                        String street, String postcode, String city, String email) { }

    public record Line(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal total) { }
}
