package fr.formaflow.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A funder's rejection of a step, with the reason the organisation reads on its next task. */
@Entity
@Table(name = "rejection")
public class Rejection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "action_id", nullable = false)
    private Long actionId;

    @Column(nullable = false)
    private String step;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String rejectedBy;

    @Column(nullable = false)
    private LocalDateTime rejectedAt;

    /** The content the validator rejected, field by field (JSON object: label to value); null for older rejections. */
    private String snapshot;

    protected Rejection() {
    }

    public Rejection(Long actionId, String step, String reason, String rejectedBy, LocalDateTime rejectedAt) {
        this.actionId = actionId;
        this.step = step;
        this.reason = reason;
        this.rejectedBy = rejectedBy;
        this.rejectedAt = rejectedAt;
    }

    public Rejection withSnapshot(String snapshot) {
        this.snapshot = snapshot;
        return this;
    }

    public Long getId() { return id; }
    public String getSnapshot() { return snapshot; }
    public Long getActionId() { return actionId; }
    public String getStep() { return step; }
    public String getReason() { return reason; }
    public String getRejectedBy() { return rejectedBy; }
    public LocalDateTime getRejectedAt() { return rejectedAt; }
}
