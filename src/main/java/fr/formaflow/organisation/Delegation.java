package fr.formaflow.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A CFA (the delegate) manages the dossiers and apprenticeship contracts of a delegating organisation. */
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

    protected Delegation() {
    }

    public Delegation(Organisation delegate, Organisation delegating, LocalDateTime createdAt, String createdBy) {
        this.delegate = delegate;
        this.delegating = delegating;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Organisation getDelegate() { return delegate; }
    public Organisation getDelegating() { return delegating; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
