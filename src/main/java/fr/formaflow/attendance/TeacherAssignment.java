package fr.formaflow.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of a funder's register of assignments (seed 001, Formiris: « affectation » of a teacher, by their number, to a
 * pedagogical unit, « unité pédagogique », by its code). An attendance certificate may name a teacher in a unit only if the
 * register holds that assignment.
 */
@Entity
@Table(name = "teacher_assignment")
public class TeacherAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String funderCode;
    @Column(nullable = false)
    private String teacherNumber;
    private String teacherName;
    @Column(nullable = false)
    private String unitCode;
    private String unitName;

    protected TeacherAssignment() {
    }

    public TeacherAssignment(String funderCode, String teacherNumber, String teacherName, String unitCode, String unitName) {
        this.funderCode = funderCode;
        this.teacherNumber = teacherNumber.strip();
        this.teacherName = teacherName;
        this.unitCode = unitCode.strip();
        this.unitName = unitName;
    }

    public AssignmentCheck.Assignment key() {
        return new AssignmentCheck.Assignment(teacherNumber, unitCode);
    }

    public Long getId() { return id; }
    public String getFunderCode() { return funderCode; }
    public String getTeacherNumber() { return teacherNumber; }
    public String getTeacherName() { return teacherName; }
    public String getUnitCode() { return unitCode; }
    public String getUnitName() { return unitName; }
}
