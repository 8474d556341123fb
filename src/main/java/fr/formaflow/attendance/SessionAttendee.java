package fr.formaflow.attendance;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One teacher present at a session: number, names, pedagogical unit (UE) and hours attended. */
@Embeddable
public record SessionAttendee(String teacherNumber, String lastName, String firstName, String unitCode, BigDecimal hours) {

    public SessionAttendee {
        teacherNumber = clean(teacherNumber);
        lastName = clean(lastName);
        firstName = clean(firstName);
        unitCode = clean(unitCode);
    }

    public AssignmentCheck.Assignment assignment() {
        return new AssignmentCheck.Assignment(teacherNumber, unitCode);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
