package fr.formaflow.attendance;

import fr.formaflow.dossier.Place;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One trainee's attendance on one scheduled half-day (émargement), with the trainer who ran it. */
@Entity
@Table(name = "half_day_attendance")
public class HalfDayAttendance {

    public enum Status {
        PRESENT("Présent"),
        ABSENT_JUSTIFIED("Absent (justifié)"),
        ABSENT_UNJUSTIFIED("Absent (non justifié)");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long actionId;
    @Column(nullable = false)
    private Long traineeId;
    @Column(name = "attendance_date", nullable = false)
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Schedule.Half half;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Place place;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private BigDecimal hours;
    private Long trainerId;

    protected HalfDayAttendance() {
    }

    public HalfDayAttendance(Long actionId, Long traineeId, LocalDate day, Schedule.Half half, Place place, Status status,
                             BigDecimal hours, Long trainerId) {
        this.actionId = actionId;
        this.traineeId = traineeId;
        this.day = day;
        this.half = half;
        this.place = place;
        this.status = status;
        this.hours = hours;
        this.trainerId = trainerId;
    }

    public Long getActionId() { return actionId; }
    public Long getTraineeId() { return traineeId; }
    public LocalDate getDay() { return day; }
    public Schedule.Half getHalf() { return half; }
    public Place getPlace() { return place; }
    public Status getStatus() { return status; }
    public BigDecimal getHours() { return hours; }
    public Long getTrainerId() { return trainerId; }
}
