package fr.formaflow.invoicing;

import fr.formaflow.attendance.HourLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Amounts of periodic invoices (seed 003 §3.6). */
public final class InvoiceCalculator {

    private static final int CENTS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceCalculator() {
    }

    /**
     * Σ [(centre completed + justified) × centre cost + (company completed + justified) × company cost],
     * rounded HALF_UP to the cent once, at the end, so that per-trainee rounding never drifts the total.
     * The trainee count is the number of distinct trainee ids (a trainee may have one line per month).
     */
    public static PeriodAmount periodAmount(List<HourLine> lines, UnitCosts costs) {
        if (lines == null) {
            throw new IllegalArgumentException("La liste des heures déclarées est obligatoire.");
        }
        if (costs == null) {
            throw new IllegalArgumentException("Les coûts horaires de l'action sont obligatoires.");
        }
        BigDecimal centreHours = BigDecimal.ZERO;
        BigDecimal companyHours = BigDecimal.ZERO;
        for (HourLine line : lines) {
            centreHours = centreHours.add(line.paidCentreHours());
            companyHours = companyHours.add(line.paidCompanyHours());
        }
        BigDecimal amount = centreHours.multiply(costs.centrePerHour())
                .add(companyHours.multiply(costs.companyPerHour()))
                .setScale(CENTS, RoundingMode.HALF_UP);
        int trainees = (int) lines.stream().mapToLong(HourLine::traineeId).distinct().count();
        return new PeriodAmount(centreHours, companyHours, amount, trainees);
    }

    /** Euros to cents, rounding HALF_UP to the cent first. */
    public static long toCents(BigDecimal euros) {
        if (euros == null) {
            throw new IllegalArgumentException("Le montant est obligatoire.");
        }
        return euros.setScale(CENTS, RoundingMode.HALF_UP).movePointRight(CENTS).longValueExact();
    }

    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, CENTS);
    }

    /**
     * Net, VAT and gross to the cent. The VAT rate is a percentage (20 for 20 %, 19.6 in the seed's 2007 invoices),
     * 0 for training exempt under CGI art. 261-4-4°. VAT is computed on the net rounded to the cent.
     */
    public static Totals totals(BigDecimal netAmount, BigDecimal vatRate) {
        if (netAmount == null) {
            throw new IllegalArgumentException("Le montant hors taxes est obligatoire.");
        }
        if (vatRate == null || vatRate.signum() < 0 || vatRate.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("Le taux de TVA doit être un pourcentage entre 0 et 100 (reçu : "
                    + (vatRate == null ? "aucun" : vatRate.toPlainString()) + ").");
        }
        BigDecimal net = netAmount.setScale(CENTS, RoundingMode.HALF_UP);
        BigDecimal vat = net.multiply(vatRate).divide(HUNDRED).setScale(CENTS, RoundingMode.HALF_UP);
        return new Totals(net, vat, net.add(vat));
    }

    /** A periodic invoice never takes the action's invoices above its total price. */
    public static long capToPrice(long amountCents, long priceCents, long alreadyInvoicedCents) {
        return Math.max(0, Math.min(amountCents, priceCents - alreadyInvoicedCents));
    }

    /**
     * The balance (solde): what is due on the realised hours, never above the price of the centre part nor of the
     * company part, minus what was already invoiced; never negative.
     */
    public static long balance(long dueCentreCents, long dueCompanyCents, long priceCentreCents, long priceCompanyCents,
                               long alreadyInvoicedCents) {
        long due = Math.min(dueCentreCents, priceCentreCents) + Math.min(dueCompanyCents, priceCompanyCents);
        return Math.max(0, due - alreadyInvoicedCents);
    }

    /**
     * A trainee who left early for a reason the funder admits is paid until the end of the action: the hours still
     * planned for them (planned − recorded, per place) count as completed.
     */
    public static HourLine untilTheEnd(long traineeId, BigDecimal plannedCentre, BigDecimal plannedCompany,
                                       BigDecimal recordedCentre, BigDecimal recordedCompany) {
        return new HourLine(traineeId, plannedCentre.subtract(recordedCentre).max(BigDecimal.ZERO), BigDecimal.ZERO, BigDecimal.ZERO,
                plannedCompany.subtract(recordedCompany).max(BigDecimal.ZERO), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The amount of hours of one place: hours × unit cost, rounded HALF_UP to the cent, in cents. */
    public static long cents(BigDecimal hours, BigDecimal unitCost) {
        return toCents(hours.multiply(unitCost));
    }
}
