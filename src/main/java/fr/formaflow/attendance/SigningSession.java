package fr.formaflow.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One half-day of a dossier opened to electronic signatures (émargement électronique): at most one per half-day. */
@Entity
@Table(name = "signing_session")
public class SigningSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long actionId;
    @Column(name = "session_date", nullable = false)
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Schedule.Half half;
    @Column(nullable = false)
    private LocalDateTime openedAt;
    @Column(nullable = false)
    private String openedBy;

    protected SigningSession() {
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public LocalDate getDay() { return day; }
    public Schedule.Half getHalf() { return half; }
    public LocalDateTime getOpenedAt() { return openedAt; }
    public String getOpenedBy() { return openedBy; }
}
