package fr.formaflow.attendance;

import java.time.LocalDate;

/** One trainee's row of a month: hours, and an exit if there was one. */
public record TraineeMonth(HourLine hours, LocalDate exitDate, String exitType, String earlyExitReason) {
}
