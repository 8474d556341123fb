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

/** A period of absence explaining missed hours (start, end, reason, place, hours). */
@Entity
@Table(name = "absence")
public class Absence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long declarationId;
    @Column(nullable = false)
    private Long traineeId;
    @Column(name = "start_date", nullable = false)
    private LocalDate start;
    @Column(name = "end_date", nullable = false)
    private LocalDate end;
    @Column(nullable = false)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Place place;
    @Column(nullable = false)
    private BigDecimal hours;

    protected Absence() {
    }

    public Absence(Long declarationId, Long traineeId, LocalDate start, LocalDate end, String reason, Place place, BigDecimal hours) {
        this.declarationId = declarationId;
        this.traineeId = traineeId;
        this.start = start;
        this.end = end;
        this.reason = reason;
        this.place = place;
        this.hours = hours;
    }

    public Long getDeclarationId() { return declarationId; }
    public Long getTraineeId() { return traineeId; }
    public LocalDate getStart() { return start; }
    public LocalDate getEnd() { return end; }
    public String getReason() { return reason; }
    public Place getPlace() { return place; }
    public BigDecimal getHours() { return hours; }
}
