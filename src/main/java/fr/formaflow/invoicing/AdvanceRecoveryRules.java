package fr.formaflow.invoicing;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the organisation pays back when the balance is smaller than what is left of the Région's advance (seed 003:
 * « avance forfaitaire ou facultative », deducted from the later invoices): the advance invoiced, minus what the
 * invoices took back — the balance included — excluding VAT, plus the VAT the advance bore on that remainder, at the
 * rate of the organisation's invoices. Pure arithmetic in cents; VAT rounded HALF_UP to the cent.
 */
public final class AdvanceRecoveryRules {

    /** The amounts of the recovery order, each in cents. */
    public record Amounts(long advanceCents, long repaidCents, long netCents, long vatCents, long grossCents) {
    }

    private AdvanceRecoveryRules() {
    }

    /**
     * The amounts to pay back, or empty when the invoices took the whole advance back.
     *
     * @param advanceCents what the advance invoices that count were worth, excl. VAT
     * @param repaidCents  what the invoices that count took back of it, the balance included
     * @param vatRate      the organisation's rate in % (0 when its training is VAT-exempt)
     */
    public static Optional<Amounts> due(long advanceCents, long repaidCents, BigDecimal vatRate) {
        if (advanceCents < 0 || repaidCents < 0) {
            throw new IllegalArgumentException("L'avance et ses remboursements ne peuvent pas être négatifs.");
        }
        if (repaidCents > advanceCents) {
            throw new IllegalArgumentException("Les factures ont repris " + repaidCents + " centimes sur une avance de "
                    + advanceCents + " centimes.");
        }
        long net = advanceCents - repaidCents;
        if (net == 0) {
            return Optional.empty();
        }
        Totals totals = InvoiceCalculator.totals(InvoiceCalculator.fromCents(net), vatRate);
        return Optional.of(new Amounts(advanceCents, repaidCents, net, InvoiceCalculator.toCents(totals.vat()),
                InvoiceCalculator.toCents(totals.gross())));
    }
}
