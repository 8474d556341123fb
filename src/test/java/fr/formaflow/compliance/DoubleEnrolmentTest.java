package fr.formaflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.compliance.DoubleEnrolment.Enrolment;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DoubleEnrolmentTest {

    static final Predicate<LocalDate> WEEKDAYS = day -> day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    static final Predicate<LocalDate> SATURDAYS = day -> day.getDayOfWeek() == DayOfWeek.SATURDAY;

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void twoActionsTrainingTheSamePersonOnTheSameDayMeet() {
        Enrolment october = new Enrolment(WEEKDAYS, d("2026-10-05"), d("2026-11-27"));
        Enrolment november = new Enrolment(WEEKDAYS, d("2026-11-02"), d("2026-12-18"));
        assertThat(DoubleEnrolment.firstSharedDay(october, november)).contains(d("2026-11-02"));
        assertThat(DoubleEnrolment.firstSharedDay(november, october)).contains(d("2026-11-02"));
    }

    @Test
    void successiveEnrolmentsOrDifferentTrainingDaysDoNotMeet() {
        Enrolment leftInOctober = new Enrolment(WEEKDAYS, d("2026-10-05"), d("2026-10-30"));
        Enrolment november = new Enrolment(WEEKDAYS, d("2026-11-02"), d("2026-12-18"));
        assertThat(DoubleEnrolment.firstSharedDay(leftInOctober, november)).isEmpty();
        Enrolment saturdays = new Enrolment(SATURDAYS, d("2026-11-01"), d("2026-12-31"));
        assertThat(DoubleEnrolment.firstSharedDay(saturdays, november)).isEmpty();
        assertThat(DoubleEnrolment.firstSharedDay(new Enrolment(WEEKDAYS, null, d("2026-12-31")), november)).isEmpty();
        // the last day of one is the first day of the other
        assertThat(DoubleEnrolment.firstSharedDay(new Enrolment(WEEKDAYS, d("2026-10-05"), d("2026-11-02")), november))
                .contains(d("2026-11-02"));
    }

    @Test
    void aPersonIsTheSameWhateverTheCaseAndAccentsTyped() {
        LocalDate born = d("1990-03-10");
        assertThat(DoubleEnrolment.personKey("Lefèvre", "Camille", born)).isEqualTo(DoubleEnrolment.personKey(" LEFEVRE ", "camille", born));
        assertThat(DoubleEnrolment.personKey("Le Fèvre", "Jean-Marc", born)).isEqualTo(DoubleEnrolment.personKey("LE FEVRE", "jean marc", born));
        assertThat(DoubleEnrolment.personKey("Lefèvre", "Camille", born)).isNotEqualTo(DoubleEnrolment.personKey("Lefèvre", "Camille", born.plusDays(1)));
    }
}
