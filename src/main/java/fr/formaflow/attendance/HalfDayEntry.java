package fr.formaflow.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of an attendance sheet as entered: a trainee, a half-day, present or absent, its hours and the trainer. */
public record HalfDayEntry(long traineeId, LocalDate day, Schedule.Half half, HalfDayAttendance.Status status, BigDecimal hours,
                           Long trainerId) {
}
