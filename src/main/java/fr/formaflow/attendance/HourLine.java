package fr.formaflow.attendance;

import java.math.BigDecimal;

/**
 * One trainee's declared hours for a period, kept separately for the centre and the company.
 * Missed-unjustified hours are recorded but never paid.
 */
public record HourLine(
        long traineeId,
        BigDecimal centreCompleted,
        BigDecimal centreJustified,
        BigDecimal centreUnjustified,
        BigDecimal companyCompleted,
        BigDecimal companyJustified,
        BigDecimal companyUnjustified) {

    public HourLine {
        requireHours(traineeId, centreCompleted, "heures réalisées en centre");
        requireHours(traineeId, centreJustified, "heures non réalisées justifiées en centre");
        requireHours(traineeId, centreUnjustified, "heures non réalisées non justifiées en centre");
        requireHours(traineeId, companyCompleted, "heures réalisées en entreprise");
        requireHours(traineeId, companyJustified, "heures non réalisées justifiées en entreprise");
        requireHours(traineeId, companyUnjustified, "heures non réalisées non justifiées en entreprise");
    }

    /** Centre hours that are paid: completed + missed-justified. */
    public BigDecimal paidCentreHours() {
        return centreCompleted.add(centreJustified);
    }

    /** Company hours that are paid: completed + missed-justified. */
    public BigDecimal paidCompanyHours() {
        return companyCompleted.add(companyJustified);
    }

    /** Every declared hour, paid or not. */
    public BigDecimal totalHours() {
        return paidCentreHours().add(centreUnjustified).add(paidCompanyHours()).add(companyUnjustified);
    }

    private static void requireHours(long traineeId, BigDecimal hours, String label) {
        if (hours == null) {
            throw new IllegalArgumentException("Le nombre d'" + label + " est obligatoire (stagiaire " + traineeId + ").");
        }
        if (hours.signum() < 0) {
            throw new IllegalArgumentException("Le nombre d'" + label + " ne peut pas être négatif (stagiaire "
                    + traineeId + " : " + hours.toPlainString() + ").");
        }
    }

    public static HourLine zero(long traineeId) {
        return new HourLine(traineeId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public HourLine plus(HourLine other) {
        return new HourLine(traineeId, centreCompleted.add(other.centreCompleted), centreJustified.add(other.centreJustified),
                centreUnjustified.add(other.centreUnjustified), companyCompleted.add(other.companyCompleted),
                companyJustified.add(other.companyJustified), companyUnjustified.add(other.companyUnjustified));
    }
}
