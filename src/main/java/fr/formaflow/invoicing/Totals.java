package fr.formaflow.invoicing;

import java.math.BigDecimal;

/** An invoice's totals, each to the cent: net (HT), VAT (TVA) and gross (TTC = net + VAT). */
public record Totals(BigDecimal net, BigDecimal vat, BigDecimal gross) {
}
