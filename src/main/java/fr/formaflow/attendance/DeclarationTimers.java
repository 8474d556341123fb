package fr.formaflow.attendance;

import fr.formaflow.dossier.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

/** The timer dates of a month's declaration, as process variables of the monthly-declaration process. */
final class DeclarationTimers {

    static final int REMINDER_DAYS_BEFORE = 5;

    private DeclarationTimers() {
    }

    static Map<String, Object> of(LocalDate windowOpens, LocalDate deadline) {
        return Map.of(
                "declarationWindowOpens", at(windowOpens, LocalTime.MIDNIGHT),
                "declarationDeadline", deadline.toString(),
                "declarationReminder", at(deadline.minusDays(REMINDER_DAYS_BEFORE), LocalTime.of(9, 0)),
                "declarationDeadlinePassed", at(deadline.plusDays(1), LocalTime.MIDNIGHT));
    }

    private static Date at(LocalDate date, LocalTime time) {
        return Date.from(date.atTime(time).atZone(Clock.PARIS).toInstant());
    }
}
