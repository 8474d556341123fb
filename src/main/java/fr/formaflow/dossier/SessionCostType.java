package fr.formaflow.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formiris' « Type de coût des sessions » (seed 001: mandatory, « bien qu'il soit en bleu »): what a session's
 * pedagogical cost is a price of, and so how a session's total is computed.
 */
public enum SessionCostType {
    PER_PARTICIPANT("Coût par participant"),
    PER_SESSION("Coût forfaitaire par session"),
    PER_HOUR("Coût horaire");

    private final String label;

    SessionCostType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The session's pedagogical cost, in cents: the cost times the seats, once, or times the hours (rounded half up to the cent). */
    public long pedagogicalCents(long costCents, int seats, BigDecimal hours) {
        return switch (this) {
            case PER_PARTICIPANT -> Math.multiplyExact(costCents, (long) seats);
            case PER_SESSION -> costCents;
            case PER_HOUR -> BigDecimal.valueOf(costCents).multiply(hours).setScale(0, RoundingMode.HALF_UP).longValueExact();
        };
    }
}
