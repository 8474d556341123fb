package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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
    void aMonthsWindowOpensWhenTheMonthIsOver() {
        assertThat(ExecutionCalendar.windowOpens(YearMonth.of(2007, 1))).isEqualTo(LocalDate.of(2007, 2, 1));
        assertThat(ExecutionCalendar.windowOpens(YearMonth.of(2007, 12))).isEqualTo(LocalDate.of(2008, 1, 1));
    }

    @Test
    void aLateMonthWaitsForTheEndOfTheNextPeriod() {
        // January's deadline (15/02) missed on 16/02: the month waits for the end of February, due 15/03
        LocalDate missed = LocalDate.of(2007, 2, 15);
        LocalDate dayAfter = LocalDate.of(2007, 2, 16);

        assertThat(ExecutionCalendar.nextPeriodEnds(missed)).isEqualTo(LocalDate.of(2007, 3, 1));
        assertThat(ExecutionCalendar.postponedWindowOpens(missed, 1, dayAfter)).isEqualTo(LocalDate.of(2007, 3, 1));
        assertThat(ExecutionCalendar.postponedDeadline(missed, dayAfter, 15)).isEqualTo(LocalDate.of(2007, 3, 15));
        // across a year
        assertThat(ExecutionCalendar.postponedDeadline(LocalDate.of(2007, 12, 15), LocalDate.of(2007, 12, 16), 15))
                .isEqualTo(LocalDate.of(2008, 1, 15));
        assertThat(ExecutionCalendar.postponedWindowOpens(LocalDate.of(2007, 12, 15), 1, LocalDate.of(2007, 12, 16)))
                .isEqualTo(LocalDate.of(2008, 1, 1));
    }

    @Test
    void everyFurtherMissMovesToTheEndOfTheFollowingPeriodAndTheMonthStaysOpen() {
        // the loop: the second deadline (15/03) missed must not give 15/03 or a window on 01/03 again
        LocalDate deadline = LocalDate.of(2007, 2, 15);
        LocalDate today = deadline.plusDays(1);
        List<LocalDate> deadlines = new ArrayList<>();
        for (int postponement = 1; postponement <= 14; postponement++) {
            LocalDate opens = ExecutionCalendar.postponedWindowOpens(deadline, postponement, today);
            LocalDate next = ExecutionCalendar.postponedDeadline(deadline, today, 15);
            assertThat(next).as("postponement %d", postponement).isAfter(today).isAfter(deadline);
            assertThat(opens).as("postponement %d", postponement).isAfterOrEqualTo(today).isBefore(next);
            if (postponement > 1) {
                assertThat(opens).as("from the second miss on, the month stays open").isEqualTo(today);
            }
            deadlines.add(next);
            deadline = next;
            today = next.plusDays(1);
        }
        assertThat(deadlines).startsWith(LocalDate.of(2007, 3, 15), LocalDate.of(2007, 4, 15), LocalDate.of(2007, 5, 15))
                .endsWith(LocalDate.of(2008, 4, 15)).doesNotHaveDuplicates();
    }

    @Test
    void aDeadlineNoticedLateMovesAfterTodayAndTheMonthOpensAtOnce() {
        // a dossier entered in July for a January: the end of February is long past
        LocalDate missed = LocalDate.of(2007, 2, 15);
        LocalDate july = LocalDate.of(2007, 7, 10);

        assertThat(ExecutionCalendar.postponedWindowOpens(missed, 1, july)).isEqualTo(july);
        assertThat(ExecutionCalendar.postponedDeadline(missed, july, 15)).isEqualTo(LocalDate.of(2007, 8, 15));
        // on the last day of a month too: the next deadline is still ahead
        assertThat(ExecutionCalendar.postponedDeadline(missed, LocalDate.of(2007, 7, 31), 28)).isEqualTo(LocalDate.of(2007, 8, 28));
        assertThat(ExecutionCalendar.postponedWindowOpens(missed, 1, LocalDate.of(2007, 3, 1))).isEqualTo(LocalDate.of(2007, 3, 1));
        assertThatThrownBy(() -> ExecutionCalendar.postponedWindowOpens(missed, 0, july)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysLateCountFromTheDayAfterTheDeadline() {
        LocalDate deadline = LocalDate.of(2007, 2, 15);

        assertThat(ExecutionCalendar.daysLate(deadline, LocalDate.of(2007, 2, 10))).isZero();
        assertThat(ExecutionCalendar.daysLate(deadline, deadline)).isZero();
        assertThat(ExecutionCalendar.daysLate(deadline, LocalDate.of(2007, 2, 16))).isEqualTo(1);
        assertThat(ExecutionCalendar.daysLate(deadline, LocalDate.of(2007, 3, 16))).isEqualTo(29);
    }

    @Test
    void refusesADeadlineDayThatSomeMonthsDoNotHave() {
        assertThatThrownBy(() -> ExecutionCalendar.confirmationDeadline(YearMonth.of(2007, 1), 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le délai de confirmation doit être compris entre 1 et 28 jours (reçu : 31).");
        assertThatThrownBy(() -> ExecutionCalendar.postponedDeadline(LocalDate.of(2007, 2, 15), LocalDate.of(2007, 2, 16), 0))
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
