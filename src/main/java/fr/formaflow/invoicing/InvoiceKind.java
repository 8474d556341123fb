package fr.formaflow.invoicing;

/** Which periodic invoice a confirmation makes due. */
public enum InvoiceKind {
    MONTHLY,
    QUARTERLY,
    ADVANCE_1,
    ADVANCE_2,
    ADVANCE_3,
    /** Three-advance mode: the next threshold was not reached within 3 months; not one of the three advances. */
    QUARTERLY_FALLBACK,
    /** At closure: the amount due on the realised hours minus what was already invoiced. */
    BALANCE,
    /** Cancels an invoice the funder rejected: an invoice is never edited, it is credited and invoiced again. */
    CREDIT_NOTE,
    /** Région market: the « avance forfaitaire » paid at the start of execution, repaid by the later invoices. */
    FLAT_ADVANCE,
    /** Région market: the « avance facultative » the organisation asked for, repaid the same way. */
    OPTIONAL_ADVANCE;

    public String label() {
        return switch (this) {
            case MONTHLY -> "Acompte mensuel";
            case QUARTERLY -> "Acompte trimestriel";
            case ADVANCE_1 -> "1er acompte";
            case ADVANCE_2 -> "2e acompte";
            case ADVANCE_3 -> "3e acompte";
            case QUARTERLY_FALLBACK -> "Acompte trimestriel (taux non atteint en 3 mois)";
            case BALANCE -> "Solde";
            case CREDIT_NOTE -> "Avoir";
            case FLAT_ADVANCE -> "Avance forfaitaire";
            case OPTIONAL_ADVANCE -> "Avance facultative";
        };
    }

    public boolean isAdvance() {
        return this == ADVANCE_1 || this == ADVANCE_2 || this == ADVANCE_3;
    }

    /** The advance of a Région market (not one of the three « acomptes »): paid before any hour, repaid later. */
    public boolean isMarketAdvance() {
        return this == FLAT_ADVANCE || this == OPTIONAL_ADVANCE;
    }

    static InvoiceKind advance(int number) {
        return switch (number) {
            case 1 -> ADVANCE_1;
            case 2 -> ADVANCE_2;
            case 3 -> ADVANCE_3;
            default -> throw new IllegalArgumentException("Il n'y a que trois acomptes (reçu : " + number + ").");
        };
    }
}
