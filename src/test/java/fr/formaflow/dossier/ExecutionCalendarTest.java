package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ExecutionCalendarTest {

    @Test
    void listsEveryCalendarMonthTouchedIncludingPartialOnes() {
        // seed 003 §3.1: planned 28/09/2006 → 12/06/2007
        assertThat(ExecutionCalendar.months(LocalDate.of(2006, 9, 28), LocalDate.of(2007, 6, 12)))
                .hasSize(10)
                .startsWith(YearMonth.of(2006, 9), YearMonth.of(2006, 10))
                .contains(YearMonth.of(2006, 12), YearMonth.of(2007, 1))
                .endsWith(YearMonth.of(2007, 6));
    }

    @Test
    void aSingleDayOrAMonthsBoundsGiveOneMonth() {
        assertThat(ExecutionCalendar.months(LocalDate.of(2007, 2, 28), LocalDate.of(2007, 2, 28)))
                .containsExactly(YearMonth.of(2007, 2));
        assertThat(ExecutionCalendar.months(LocalDate.of(2007, 1, 31), LocalDate.of(2007, 2, 1)))
                .containsExactly(YearMonth.of(2007, 1), YearMonth.of(2007, 2));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThatThrownBy(() -> ExecutionCalendar.months(LocalDate.of(2007, 3, 1), LocalDate.of(2007, 2, 28)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("La date de fin (2007-02-28) précède la date de début (2007-03-01).");
    }

    @Test
    void aMonthIsConfirmedByThe15thOfTheNextMonth() {
        assertThat(ExecutionCalendar.confirmationDeadline(YearMonth.of(2007, 1), 15)).isEqualTo(LocalDate.of(2007, 2, 15));
        assertThat(ExecutionCalendar.confirmationDeadline(YearMonth.of(2007, 12), 15)).isEqualTo(LocalDate.of(2008, 1, 15));
        assertThat(ExecutionCalendar.confirmationDeadline(YearMonth.of(2024, 1), 28)).isEqualTo(LocalDate.of(2024, 2, 28));
    }

    @Test
    void aLateMonthWaitsForTheEndOfTheNextPeriod() {
        YearMonth january = YearMonth.of(2007, 1);

        assertThat(ExecutionCalendar.postponedWindowOpens(january)).isEqualTo(LocalDate.of(2007, 3, 1));
        assertThat(ExecutionCalendar.postponedDeadline(january, 15)).isEqualTo(LocalDate.of(2007, 3, 15));
        assertThat(ExecutionCalendar.postponedWindowOpens(YearMonth.of(2007, 11))).isEqualTo(LocalDate.of(2008, 1, 1));
        assertThat(ExecutionCalendar.postponedDeadline(YearMonth.of(2007, 12), 15)).isEqualTo(LocalDate.of(2008, 2, 15));
    }

    @Test
    void refusesADeadlineDayThatSomeMonthsDoNotHave() {
        assertThatThrownBy(() -> ExecutionCalendar.confirmationDeadline(YearMonth.of(2007, 1), 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le délai de confirmation doit être compris entre 1 et 28 jours (reçu : 31).");
        assertThatThrownBy(() -> ExecutionCalendar.postponedDeadline(YearMonth.of(2007, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void monthEndHandlesLeapYears() {
        assertThat(ExecutionCalendar.monthEnd(YearMonth.of(2024, 2))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ExecutionCalendar.monthEnd(YearMonth.of(2023, 2))).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(ExecutionCalendar.monthEnd(YearMonth.of(2007, 4))).isEqualTo(LocalDate.of(2007, 4, 30));
    }

    @Test
    void withinIncludesBothBounds() {
        LocalDate start = LocalDate.of(2007, 1, 9);
        LocalDate end = LocalDate.of(2007, 3, 7);

        assertThat(ExecutionCalendar.within(start, start, end)).isTrue();
        assertThat(ExecutionCalendar.within(end, start, end)).isTrue();
        assertThat(ExecutionCalendar.within(LocalDate.of(2007, 2, 1), start, end)).isTrue();
        assertThat(ExecutionCalendar.within(start.minusDays(1), start, end)).isFalse();
        assertThat(ExecutionCalendar.within(end.plusDays(1), start, end)).isFalse();
    }

    @Test
    void withinWithoutAnEndIsOpenEnded() {
        LocalDate entry = LocalDate.of(2007, 2, 6);

        assertThat(ExecutionCalendar.within(LocalDate.of(2030, 1, 1), entry, null)).isTrue();
        assertThat(ExecutionCalendar.within(entry.minusDays(1), entry, null)).isFalse();
        assertThatThrownBy(() -> ExecutionCalendar.within(entry, entry, entry.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
