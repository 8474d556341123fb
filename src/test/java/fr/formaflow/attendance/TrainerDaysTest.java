package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.attendance.Schedule.Half;
import fr.formaflow.attendance.TrainerDays.Slot;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerDaysTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final long YVES = 7;

    static Slot slot(long action, LocalDate day, Half half, String hours) {
        return new Slot(YVES, action, day, half, new BigDecimal(hours));
    }

    static List<String> problems(List<Slot> here, List<Slot> elsewhere) {
        return TrainerDays.problems(here, elsewhere, id -> "Yves ROCHER", id -> "l'action 2026QCA000" + id);
    }

    @Test
    void aTrainerTeachesOneActionAtATime() {
        // two trainees of the same half-day: one slot
        List<Slot> here = List.of(slot(1, MONDAY, Half.AM, "3.5"), slot(1, MONDAY, Half.AM, "3.5"));
        assertThat(problems(here, List.of(slot(2, MONDAY, Half.AM, "3.5")))).containsExactly(
                "Yves ROCHER anime déjà l'action 2026QCA0002 le 02/11/2026 (matin) : un formateur n'anime qu'une action à la fois.");
        assertThat(problems(here, List.of(slot(2, MONDAY, Half.PM, "3.5")))).as("morning here, afternoon there").isEmpty();
        assertThat(problems(here, List.of(slot(2, MONDAY.plusDays(1), Half.AM, "3.5")))).isEmpty();
    }

    @Test
    void noMoreThanTenHoursADayAcrossActions() {
        List<Slot> here = List.of(slot(1, MONDAY, Half.AM, "4"), slot(1, MONDAY, Half.PM, "4"));
        assertThat(problems(here, List.of())).isEmpty();
        assertThat(problems(here, List.of(slot(2, MONDAY.plusDays(1), Half.AM, "4")))).isEmpty();
        assertThat(problems(List.of(slot(1, MONDAY, Half.AM, "4"), slot(1, MONDAY, Half.AM, "4")), List.of(slot(2, MONDAY, Half.PM, "3"))))
                .as("one morning here, one afternoon elsewhere: 7 h").isEmpty();
        assertThat(problems(List.of(slot(1, MONDAY, Half.AM, "4")), List.of(slot(2, MONDAY, Half.PM, "4"), slot(3, MONDAY, Half.PM, "3"))))
                .contains("Yves ROCHER : " + French.hours(new BigDecimal("11")) + " de formation le 02/11/2026, au-delà de "
                        + French.hours(BigDecimal.TEN) + " par jour (durée quotidienne maximale du travail, Code du travail L3121-18).");
    }
}
