package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RealisationRateTest {

    @Test
    void justUnderAThresholdIsUnderIt() {
        BigDecimal rate = RealisationRate.percent(new BigDecimal("369.55"), new BigDecimal("1232"));
        assertThat(rate).isLessThan(new BigDecimal("30"));
        assertThat(RealisationRate.shown(rate)).isEqualByComparingTo("29.99");
        assertThat(RealisationRate.percent(new BigDecimal("369.60"), new BigDecimal("1232"))).isEqualByComparingTo("30");
    }

    @Test
    void nothingPlannedIsNothingRealised() {
        assertThat(RealisationRate.percent(new BigDecimal("12"), BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    /** Hours in hundredths, thresholds in hundredths of a percent: the rate reaches the threshold exactly when the hours do. */
    @Property(tries = 2000)
    void theRateReachesAThresholdExactlyWhenTheHoursDo(@ForAll @LongRange(min = 0, max = 2_000_000) long realisedHundredths,
                                                        @ForAll @LongRange(min = 1, max = 2_000_000) long plannedHundredths,
                                                        @ForAll @IntRange(min = 0, max = 10_000) int thresholdHundredths) {
        BigDecimal realised = BigDecimal.valueOf(realisedHundredths, 2);
        BigDecimal planned = BigDecimal.valueOf(plannedHundredths, 2);
        BigDecimal threshold = BigDecimal.valueOf(thresholdHundredths, 2);
        boolean exact = realised.multiply(BigDecimal.valueOf(100)).compareTo(threshold.multiply(planned)) >= 0;
        assertThat(RealisationRate.percent(realised, planned).compareTo(threshold) >= 0).isEqualTo(exact);
    }

    @Property(tries = 500)
    void aThresholdHitExactlyIsReached(@ForAll @LongRange(min = 1, max = 200_000) long plannedHundredths,
                                        @ForAll @IntRange(min = 1, max = 100) int percent) {
        BigDecimal planned = BigDecimal.valueOf(plannedHundredths, 2);
        BigDecimal realised = planned.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100));
        assertThat(RealisationRate.percent(realised, planned)).isGreaterThanOrEqualTo(BigDecimal.valueOf(percent));
    }
}
