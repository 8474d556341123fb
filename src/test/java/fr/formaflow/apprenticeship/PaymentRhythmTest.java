package fr.formaflow.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.apprenticeship.PaymentRhythm.Instalment;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PaymentRhythmTest {

    @Test
    void aTwoYearContractSignedIn2025IsPaidFiftyTwentyFiveTwentyFivePerYear() {
        List<Instalment> schedule = PaymentRhythm.schedule(LocalDate.of(2025, 8, 20), LocalDate.of(2025, 9, 1), LocalDate.of(2027, 8, 31), 1_400_000);
        assertThat(schedule).extracting(Instalment::label).containsExactly(
                "Avance de 50 %", "Versement de 25 % (7e mois)", "Versement de 25 % (10e mois)",
                "Avance de 50 % — année 2", "Versement de 25 % (7e mois) — année 2", "Versement de 25 % (10e mois) — année 2");
        assertThat(schedule).extracting(Instalment::payableFrom).containsExactly(
                LocalDate.of(2025, 9, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 1));
        // 365 of 730 days in each year: 7 000,00 € a year
        assertThat(schedule).extracting(Instalment::amountCents).containsExactly(350_000L, 175_000L, 175_000L, 350_000L, 175_000L, 175_000L);
        assertThat(schedule).extracting(Instalment::certificateRequired).containsExactly(false, true, true, true, true, true);
    }

    @Test
    void aShortLastYearPaysItsRemainderAtTheContractsEnd() {
        List<Instalment> schedule = PaymentRhythm.schedule(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), LocalDate.of(2027, 4, 4), 1_000_000);
        assertThat(schedule).hasSize(6);
        assertThat(schedule.get(3).payableFrom()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(schedule.get(4).payableFrom()).isEqualTo(LocalDate.of(2027, 4, 4));
        assertThat(schedule.get(5).payableFrom()).isEqualTo(LocalDate.of(2027, 4, 4));
        // first year 365 of 455 days: 802 197,80 € → 50 % = 401 098,90 €... in cents, rounded half up
        assertThat(schedule.get(0).amountCents()).isEqualTo(401_099L);
        assertThat(schedule.stream().mapToLong(Instalment::amountCents).sum()).isEqualTo(1_000_000L);
    }

    @Test
    void aRepriseDeStockContractHasNoAdvanceAndIsPaidEverySixMonthsInArrears() {
        assertThat(PaymentRhythm.kindOf(LocalDate.of(2019, 12, 31))).isEqualTo(PaymentRhythm.Kind.STOCK);
        assertThat(PaymentRhythm.kindOf(LocalDate.of(2020, 1, 1))).isEqualTo(PaymentRhythm.Kind.STANDARD);
        List<Instalment> schedule = PaymentRhythm.schedule(LocalDate.of(2019, 6, 15), LocalDate.of(2019, 9, 1), LocalDate.of(2020, 12, 31), 1_200_000);
        assertThat(schedule).extracting(Instalment::payableFrom).containsExactly(
                LocalDate.of(2020, 2, 29), LocalDate.of(2020, 8, 31), LocalDate.of(2020, 12, 31));
        assertThat(schedule).allMatch(Instalment::certificateRequired);
        assertThat(schedule.stream().mapToLong(Instalment::amountCents).sum()).isEqualTo(1_200_000L);
    }

    @Test
    void theOpcoPaysAtMostTheBudgetAndTheEmployerTheDelta() {
        assertThat(PaymentRhythm.Split.of(700_000, 820_000)).isEqualTo(new PaymentRhythm.Split(700_000, 120_000));
        assertThat(PaymentRhythm.Split.of(700_000, 650_000)).isEqualTo(new PaymentRhythm.Split(650_000, 0));
    }

    @Property
    void instalmentsAlwaysAddUpToTheBudgetAndComeInOrder(@ForAll @IntRange(min = 2015, max = 2030) int year, @ForAll @IntRange(min = 1, max = 1400) int days,
                                                          @ForAll @LongRange(min = 0, max = 5_000_000) long budget) {
        LocalDate start = LocalDate.of(year, 9, 1);
        List<Instalment> schedule = PaymentRhythm.schedule(start.minusMonths(1), start, start.plusDays(days), budget);
        assertThat(schedule.stream().mapToLong(Instalment::amountCents).sum()).isEqualTo(budget);
        assertThat(schedule).allMatch(i -> i.amountCents() >= 0);
        for (int i = 1; i < schedule.size(); i++) {
            assertThat(schedule.get(i).payableFrom()).isAfterOrEqualTo(schedule.get(i - 1).payableFrom());
        }
    }
}
