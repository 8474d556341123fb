package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    final List<Period> periods = List.of(
            new Period(Place.CENTRE, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 17)),
            new Period(Place.COMPANY, LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 30)));

    @Test
    void weekdaysOfThePeriodsMorningAndAfternoonWithoutPublicHolidays() {
        List<Schedule.HalfDay> april = new Schedule(periods, false).of(YearMonth.of(2026, 4));
        // 22 weekdays in April 2026, minus Easter Monday (6 April)
        assertThat(april).hasSize(2 * 21);
        assertThat(april).noneMatch(h -> h.day().equals(LocalDate.of(2026, 4, 6)));
        assertThat(april).filteredOn(h -> h.place() == Place.COMPANY).hasSize(2 * 9);
        assertThat(april.get(0)).isEqualTo(new Schedule.HalfDay(LocalDate.of(2026, 4, 1), Schedule.Half.AM, Place.CENTRE));
    }

    @Test
    void aFunderMayAllowPublicHolidays() {
        assertThat(new Schedule(periods, true).of(YearMonth.of(2026, 4))).hasSize(2 * 22);
    }

    @Test
    void explainsWhyADayIsNotScheduled() {
        Schedule schedule = new Schedule(periods, false);
        assertThat(schedule.whyNotScheduled(LocalDate.of(2026, 4, 4))).isEqualTo("le 04/04/2026 est un week-end");
        assertThat(schedule.whyNotScheduled(LocalDate.of(2026, 4, 6))).contains("jour férié (Lundi de Pâques)");
        assertThat(schedule.whyNotScheduled(LocalDate.of(2026, 5, 4))).contains("n'appartient à aucune période");
        assertThat(schedule.whyNotScheduled(LocalDate.of(2026, 4, 7))).isNull();
    }
}
