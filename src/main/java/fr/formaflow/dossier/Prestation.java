package fr.formaflow.dossier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Formiris dossier's « prestation » (seed 001): the offer the organisation references with Formiris, its tabs' fields,
 * its « type de coût des sessions » and its sessions. One per dossier; written by the dossier's organisation.
 */
@Entity
@Table(name = "prestation")
public class Prestation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private Long actionId;
    private String title;
    private String objectives;
    private String methods;
    private String evaluation;
    private String audience;
    private String prerequisites;
    private String registrationTerms;
    private LocalDate registrationDeadline;
    private String summary;
    private String content;
    @Enumerated(EnumType.STRING)
    private SessionCostType sessionCostType;
    private String updatedBy;
    private LocalDateTime updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "prestation_id", nullable = false)
    @OrderBy("startDate ASC, id ASC")
    private List<PrestationSession> sessions = new ArrayList<>();

    protected Prestation() {
    }

    Prestation(Long actionId) {
        this.actionId = actionId;
    }

    /** Applies checked content (see {@link PrestationContent#problems()}). */
    void apply(PrestationContent c, String user, LocalDateTime at) {
        title = c.title();
        objectives = c.objectives();
        methods = c.methods();
        evaluation = c.evaluation();
        audience = c.audience();
        prerequisites = c.prerequisites();
        registrationTerms = c.registrationTerms();
        registrationDeadline = c.registrationDeadline();
        summary = c.summary();
        content = c.content();
        sessionCostType = c.sessionCostType();
        updatedBy = user;
        updatedAt = at;
    }

    public Optional<PrestationSession> session(long sessionId) {
        return sessions.stream().filter(s -> s.getId() == sessionId).findFirst();
    }

    List<PrestationSession> sessions() {
        return sessions;
    }

    public long totalCents() {
        return sessions.stream().mapToLong(s -> s.totalCents(sessionCostType)).reduce(0, Math::addExact);
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public String getTitle() { return title; }
    public String getObjectives() { return objectives; }
    public String getMethods() { return methods; }
    public String getEvaluation() { return evaluation; }
    public String getAudience() { return audience; }
    public String getPrerequisites() { return prerequisites; }
    public String getRegistrationTerms() { return registrationTerms; }
    public LocalDate getRegistrationDeadline() { return registrationDeadline; }
    public String getSummary() { return summary; }
    public String getContent() { return content; }
    public SessionCostType getSessionCostType() { return sessionCostType; }
    public String getUpdatedBy() { return updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public List<PrestationSession> getSessions() { return List.copyOf(sessions); }
}
