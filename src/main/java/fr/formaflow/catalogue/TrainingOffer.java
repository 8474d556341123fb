package fr.formaflow.catalogue;

import fr.formaflow.funder.Funder;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.platform.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * A dossier's entry in the training-offer catalogue: the organisation's current revision (the draft). What the
 * public sees is its {@link PublishedOffer} snapshot, which stays online while a later revision is validated.
 */
@Entity
@Table(name = "training_offer")
public class TrainingOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true)
    private Long actionId;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "funder_id")
    private Funder funder;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferState state;

    @Embedded
    private OfferContent draft;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    protected TrainingOffer() {
    }

    public TrainingOffer(Long actionId, Organisation organisation, Funder funder, OfferContent draft, LocalDateTime createdAt) {
        this.actionId = actionId;
        this.organisation = organisation;
        this.funder = funder;
        this.draft = draft;
        this.createdAt = createdAt;
        this.state = OfferState.DRAFT;
    }

    /** "Envoyer pour validation": the revision must be complete; every missing field is named. */
    public void sendForValidation(OfferContent revision) {
        requireOpen();
        BusinessRuleException.throwIfAny("L'offre ne peut pas être envoyée pour validation :", OfferRules.problems(revision));
        this.draft = revision.withFormacode(draft.formacode());
        this.state = OfferState.IN_VALIDATION;
    }

    /** The validator's Formacode, kept on the revision it approved. */
    public void approve(String formacode) {
        String problem = OfferRules.formacodeProblem(formacode);
        if (problem != null) {
            throw new BusinessRuleException(problem);
        }
        this.draft = draft.withFormacode(formacode.trim());
    }

    public void sendBack() {
        this.state = OfferState.DRAFT;
    }

    public void published() {
        this.state = OfferState.PUBLISHED;
    }

    /** A change after publication (dates, free places): a new revision, while the published one stays online. */
    public void reopen() {
        if (state != OfferState.PUBLISHED) {
            throw new BusinessRuleException(state == OfferState.WITHDRAWN
                    ? "Cette session est retirée du catalogue : elle ne peut plus être modifiée."
                    : "Une modification de cette offre est déjà en cours : complétez-la dans la tâche « Compléter l'offre ».");
        }
        this.state = OfferState.DRAFT;
    }

    public void withdrawn() {
        this.state = OfferState.WITHDRAWN;
    }

    private void requireOpen() {
        if (state != OfferState.DRAFT) {
            throw new BusinessRuleException("Cette offre n'est pas en cours de rédaction (" + state.label() + ").");
        }
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public Organisation getOrganisation() { return organisation; }
    public Funder getFunder() { return funder; }
    public String getProcessInstanceId() { return processInstanceId; }
    public OfferState getState() { return state; }
    public OfferContent getDraft() { return draft; }
    public LocalDateTime getCreatedAt() { return createdAt; }
}
