package fr.formaflow.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A CFA (the delegate) manages the dossiers and apprenticeship contracts of a delegating organisation, once the
 * delegating organisation's administrator accepted its request (processes/delegation-request.bpmn). Either side ends
 * it at any time; nothing is granted unless it is {@link DelegationStatus#ACTIVE}.
 */
@Entity
@Table(name = "delegation")
public class Delegation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "delegate_id")
    private Organisation delegate;

    @ManyToOne(optional = false)
    @JoinColumn(name = "delegating_id")
    private Organisation delegating;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    @Column(nullable = false)
    private String createdBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DelegationStatus status;

    private String processInstanceId;
    private LocalDateTime decidedAt;
    private String decidedBy;
    @Column(length = 1000)
    private String refusalReason;
    private LocalDateTime endedAt;
    private String endedBy;

    protected Delegation() {
    }

    /** A request, pending until the delegating organisation's administrator decides. */
    public Delegation(Organisation delegate, Organisation delegating, LocalDateTime createdAt, String createdBy) {
        this.delegate = delegate;
        this.delegating = delegating;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.status = DelegationStatus.PENDING;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void accept(String userId, LocalDateTime at) {
        requirePending();
        this.status = DelegationStatus.ACTIVE;
        this.decidedBy = userId;
        this.decidedAt = at;
    }

    void refuse(String userId, String reason, LocalDateTime at) {
        requirePending();
        this.status = DelegationStatus.REFUSED;
        this.decidedBy = userId;
        this.decidedAt = at;
        this.refusalReason = reason;
    }

    void expire(LocalDateTime at) {
        requirePending();
        this.status = DelegationStatus.EXPIRED;
        this.decidedAt = at;
    }

    /** Ends a request (withdrawn or turned down) or an active delegation: by either organisation. */
    void end(String userId, LocalDateTime at) {
        if (!isOpen()) {
            throw new IllegalStateException("Delegation " + id + " is already " + status);
        }
        this.status = DelegationStatus.ENDED;
        this.endedBy = userId;
        this.endedAt = at;
    }

    private void requirePending() {
        if (status != DelegationStatus.PENDING) {
            throw new IllegalStateException("Delegation " + id + " is " + status + ", not pending");
        }
    }

    /** Pending or active: what either side may end. */
    public boolean isOpen() {
        return status == DelegationStatus.PENDING || status == DelegationStatus.ACTIVE;
    }

    public Long getId() { return id; }
    public Organisation getDelegate() { return delegate; }
    public Organisation getDelegating() { return delegating; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public DelegationStatus getStatus() { return status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getRefusalReason() { return refusalReason; }
    public LocalDateTime getEndedAt() { return endedAt; }
    public String getEndedBy() { return endedBy; }
}
