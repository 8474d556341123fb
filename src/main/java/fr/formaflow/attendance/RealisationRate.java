package fr.formaflow.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of an action's planned hours realised so far, in percent. It is compared with funders' thresholds (the
 * 30 % advance): the value is truncated, never rounded up, so that « rate ≥ threshold » holds exactly when
 * realised × 100 ≥ threshold × planned — 369.55 h of 1 232 h is 29.99 %, not the 30 % a rounded rate would claim.
 */
public final class RealisationRate {

    /** Enough decimals for any threshold given in hundredths of a percent. */
    private static final int SCALE = 10;

    private RealisationRate() {
    }

    public static BigDecimal percent(BigDecimal realisedHours, BigDecimal plannedHours) {
        if (plannedHours.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return realisedHours.multiply(BigDecimal.valueOf(100)).divide(plannedHours, SCALE, RoundingMode.DOWN);
    }

    /** The rate as people read it: two decimals, truncated like the comparison. */
    public static BigDecimal shown(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.DOWN);
    }
}
