package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The planned-hours cap, the one rule both the month's declaration and the consistency check apply. */
class PlannedHoursTest {

    private static final PlannedHours PLANNED = new PlannedHours(new BigDecimal("140"), new BigDecimal("35"));

    private static HourLine line(String centreCompleted, String centreUnjustified, String companyCompleted) {
        return new HourLine(1, new BigDecimal(centreCompleted), BigDecimal.ZERO, new BigDecimal(centreUnjustified),
                new BigDecimal(companyCompleted), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void everyHourCompletedOrMissedCountsAgainstThePlanOfItsPlace() {
        assertThat(PLANNED.exceededBy("Anna DUPONT", line("130", "12", "36"))).containsExactly(
                "Anna DUPONT : 142 h cumulées en centre dépassent les 140 h prévues.",
                "Anna DUPONT : 36 h cumulées en entreprise dépassent les 35 h prévues.");
    }

    @Test
    void exactlyThePlannedHoursOrAPlaceWithoutPlanPass() {
        assertThat(PLANNED.exceededBy("Anna DUPONT", line("130", "10", "35"))).isEmpty();
        assertThat(new PlannedHours(new BigDecimal("140"), null).exceededBy("Anna DUPONT", line("0", "0", "500"))).isEmpty();
    }
}
