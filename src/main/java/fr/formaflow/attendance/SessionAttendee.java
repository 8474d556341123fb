package fr.formaflow.attendance;

import static fr.formaflow.platform.FieldLimits.clean;

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
}
