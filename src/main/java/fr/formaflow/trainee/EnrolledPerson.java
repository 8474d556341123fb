package fr.formaflow.trainee;

import java.time.LocalDate;

/** A trainee of some action as the double-enrolment check needs them: who, in which action, from when to when. */
public record EnrolledPerson(long actionId, String lastName, String firstName, LocalDate birthDate, LocalDate entryDate, LocalDate exitDate) {
}
