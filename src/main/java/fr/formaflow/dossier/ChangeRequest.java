package fr.formaflow.dossier;

import fr.formaflow.platform.BusinessRuleException;
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

/** A request to the funder to change what was agreed: a date, a trainee, a trainer, the periods, a trainee's path. */
@Entity
@Table(name = "change_request")
public class ChangeRequest {

    public enum Kind {
        START_DATE("Report de la date de début"),
        END_DATE("Avenant sur la date de fin"),
        TRAINEE("Ajout ou retrait d'un stagiaire"),
        TRAINER("Ajout ou retrait d'un formateur"),
        /** Seed 003 §3.1: a centre or company period added, moved or removed « après accord préalable du Conseil Régional ». */
        PERIODS("Modification des périodes en centre et en entreprise"),
        /** Seed 003 §3.2: after opening, « un réajustement du parcours » of a trainee of an individualised action. */
        PATH("Réajustement du parcours individualisé d'un stagiaire");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long actionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String description;

    private LocalDate requestedDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String requestedBy;
    @Column(nullable = false)
    private LocalDateTime requestedAt;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private String decisionReason;

    protected ChangeRequest() {
    }

    public ChangeRequest(Long actionId, Kind kind, String description, LocalDate requestedDate, String requestedBy, LocalDateTime at) {
        if (description == null || description.isBlank()) {
            throw new BusinessRuleException("Expliquez votre demande au financeur : le motif de la demande est obligatoire.");
        }
        if ((kind == Kind.START_DATE || kind == Kind.END_DATE) && requestedDate == null) {
            throw new BusinessRuleException("La date demandée est obligatoire.");
        }
        this.actionId = actionId;
        this.kind = kind;
        this.description = description.trim();
        this.requestedDate = requestedDate;
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        this.status = Status.PENDING;
    }

    public void decide(boolean approved, String reason, String userId, LocalDateTime at) {
        if (status != Status.PENDING) {
            throw new BusinessRuleException("Cette demande a déjà été traitée.");
        }
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.decisionReason = reason;
        this.decidedBy = userId;
        this.decidedAt = at;
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public Kind getKind() { return kind; }
    public String getDescription() { return description; }
    public LocalDate getRequestedDate() { return requestedDate; }
    public Status getStatus() { return status; }
    public String getRequestedBy() { return requestedBy; }
    public LocalDateTime getRequestedAt() { return requestedAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getDecisionReason() { return decisionReason; }
}
