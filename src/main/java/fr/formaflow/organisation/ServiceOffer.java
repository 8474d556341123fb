package fr.formaflow.organisation;

import fr.formaflow.funder.Funder;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.platform.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/**
 * A « proposition d'offre de service » (seed 001): Formiris (its head office or an association territoriale, by scope)
 * sends it to an organisation, which completes and returns it; Formiris accepts it, or rejects it with its reasons.
 * Both sides see its status.
 */
@Entity
@Table(name = "service_offer")
public class ServiceOffer {

    public enum Status {
        SENT("Envoyée à l'organisme, à compléter"),
        RETURNED("Complétée et renvoyée, en cours d'examen"),
        ACCEPTED("Validée"),
        REJECTED("Rejetée");

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
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "funder_id")
    private Funder funder;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;
    @Enumerated(EnumType.STRING)
    private GeographicScope scope;
    @Column(nullable = false)
    private String validatorGroupId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String sentBy;
    private LocalDateTime sentAt;
    private String trainingDomains;
    private String audiences;
    private String interventionArea;
    private String trainers;
    @Column(name = "references_text")
    private String references;
    private Long dailyRateCents;
    private String signatoryName;
    private String signatoryRole;
    private String returnedBy;
    private LocalDateTime returnedAt;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private String decisionReason;

    protected ServiceOffer() {
    }

    ServiceOffer(Funder funder, GeographicScope scope, Organisation organisation, String sentBy, LocalDateTime sentAt) {
        this.funder = funder;
        this.scope = funder.hasScopes() ? scope : null;
        this.validatorGroupId = funder.validatorGroupFor(this.scope);
        this.organisation = organisation;
        this.status = Status.SENT;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    /** Completed and returned, once: a rejected proposal is final (the funder sends a new one). */
    void answer(ServiceOfferAnswer a, String user, LocalDateTime at) {
        if (status != Status.SENT) {
            throw new BusinessRuleException("Cette proposition d'offre de service a déjà été renvoyée (statut : « " + status.label() + " »).");
        }
        trainingDomains = a.trainingDomains();
        audiences = a.audiences();
        interventionArea = a.interventionArea();
        trainers = a.trainers();
        references = a.references();
        dailyRateCents = a.dailyRate().movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        signatoryName = a.signatoryName();
        signatoryRole = a.signatoryRole();
        returnedBy = user;
        returnedAt = at;
        status = Status.RETURNED;
    }

    void decide(boolean accepted, String reason, String user, LocalDateTime at) {
        if (status != Status.RETURNED) {
            throw new BusinessRuleException(status == Status.SENT
                    ? "L'organisme n'a pas encore renvoyé cette proposition d'offre de service : elle ne peut pas être examinée."
                    : "Cette proposition d'offre de service a déjà été examinée (statut : « " + status.label() + " »).");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!accepted && why == null) {
            throw new BusinessRuleException("Indiquez les motifs du rejet : l'organisme les reçoit avec la décision.");
        }
        if (why != null && why.length() > 2000) {
            throw new BusinessRuleException("Les motifs ne doivent pas dépasser 2000 caractères.");
        }
        status = accepted ? Status.ACCEPTED : Status.REJECTED;
        decisionReason = why;
        decidedBy = user;
        decidedAt = at;
    }

    public BigDecimal dailyRate() {
        return dailyRateCents == null ? null : BigDecimal.valueOf(dailyRateCents, 2);
    }

    public Long getId() { return id; }
    public Funder getFunder() { return funder; }
    public Organisation getOrganisation() { return organisation; }
    public GeographicScope getScope() { return scope; }
    public String getValidatorGroupId() { return validatorGroupId; }
    public Status getStatus() { return status; }
    public String getSentBy() { return sentBy; }
    public LocalDateTime getSentAt() { return sentAt; }
    public String getTrainingDomains() { return trainingDomains; }
    public String getAudiences() { return audiences; }
    public String getInterventionArea() { return interventionArea; }
    public String getTrainers() { return trainers; }
    public String getReferences() { return references; }
    public Long getDailyRateCents() { return dailyRateCents; }
    public String getSignatoryName() { return signatoryName; }
    public String getSignatoryRole() { return signatoryRole; }
    public String getReturnedBy() { return returnedBy; }
    public LocalDateTime getReturnedAt() { return returnedAt; }
    public String getDecidedBy() { return decidedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
}
