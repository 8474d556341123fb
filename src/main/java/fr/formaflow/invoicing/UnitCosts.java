package fr.formaflow.invoicing;

import java.math.BigDecimal;

/** The action's hourly unit costs (excl. VAT), in euros. */
public record UnitCosts(BigDecimal centrePerHour, BigDecimal companyPerHour) {

    public UnitCosts {
        requireCost(centrePerHour, "en centre");
        requireCost(companyPerHour, "en entreprise");
    }

    private static void requireCost(BigDecimal cost, String place) {
        if (cost == null) {
            throw new IllegalArgumentException("Le coût horaire " + place + " est obligatoire.");
        }
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("Le coût horaire " + place + " ne peut pas être négatif ("
                    + cost.toPlainString() + ").");
        }
    }
}
