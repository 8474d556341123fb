package fr.formaflow.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Région's advance (seed 003: « le versement d'une avance forfaitaire ou facultative »), as public procurement
 * pays and recovers it: an invoice of its own at the start of execution, then taken back from the later invoices once
 * the hours invoiced reach a share of the price (65 % by default), in proportion, so that it is fully repaid when they
 * reach another (80 %); the balance takes back whatever is left. Pure arithmetic in cents, HALF_UP to the cent.
 */
public final class Advances {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int YEAR = 12;

    private Advances() {
    }

    /**
     * The advance: percent of the price (cents, excl. VAT); for an action of more than 12 months, percent of 12
     * months' worth of it (price × 12 / months), as the flat advance of public markets is computed.
     */
    public static long amount(long priceCents, int months, BigDecimal percent) {
        if (priceCents < 0 || percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("Le prix et le taux de l'avance (entre 0 et 100 %) sont obligatoires.");
        }
        BigDecimal base = BigDecimal.valueOf(priceCents);
        if (months > YEAR) {
            base = base.multiply(BigDecimal.valueOf(YEAR)).divide(BigDecimal.valueOf(months), 10, RoundingMode.HALF_UP);
        }
        return base.multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * How much of the advance must have been repaid once the hours invoiced (cumulated, cents) reach invoicedCents:
     * nothing up to repayFrom % of the price, all of it from repayUntil %, in proportion in between.
     */
    public static long repaidBy(long advanceCents, long priceCents, long invoicedCents, BigDecimal repayFrom, BigDecimal repayUntil) {
        if (advanceCents <= 0 || priceCents <= 0) {
            return 0;
        }
        BigDecimal price = BigDecimal.valueOf(priceCents);
        BigDecimal from = price.multiply(repayFrom).divide(HUNDRED, 10, RoundingMode.HALF_UP);
        BigDecimal until = price.multiply(repayUntil).divide(HUNDRED, 10, RoundingMode.HALF_UP);
        BigDecimal invoiced = BigDecimal.valueOf(invoicedCents);
        if (invoiced.compareTo(from) <= 0) {
            return 0;
        }
        if (invoiced.compareTo(until) >= 0 || until.compareTo(from) <= 0) {
            return advanceCents;
        }
        return BigDecimal.valueOf(advanceCents).multiply(invoiced.subtract(from)).divide(until.subtract(from), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * What one invoice takes back: what must have been repaid once it is counted (the whole remainder for the
     * balance) minus what earlier invoices took back, never more than the invoice's own net amount available.
     */
    public static long repayment(long dueByNowCents, long alreadyRepaidCents, long availableCents) {
        return Math.max(0, Math.min(dueByNowCents - alreadyRepaidCents, availableCents));
    }
}
