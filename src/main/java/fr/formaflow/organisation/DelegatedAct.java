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

/** Something a delegate's user did for the delegating organisation, recorded with both organisations' names. */
@Entity
@Table(name = "delegated_act")
public class DelegatedAct {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "delegation_id")
    private Delegation delegation;

    @Column(nullable = false)
    private String userId;

    @Column(nullable = false)
    private String delegateName;

    @Column(nullable = false)
    private String delegatingName;

    @Column(nullable = false, length = 1000)
    private String description;

    private String businessKey;
    private String taskId;

    @Column(nullable = false)
    private LocalDateTime doneAt;

    protected DelegatedAct() {
    }

    public DelegatedAct(Delegation delegation, String userId, String description, String businessKey, String taskId, LocalDateTime doneAt) {
        this.delegation = delegation;
        this.userId = userId;
        this.delegateName = delegation.getDelegate().getName();
        this.delegatingName = delegation.getDelegating().getName();
        this.description = description.length() > 1000 ? description.substring(0, 1000) : description;
        this.businessKey = businessKey;
        this.taskId = taskId;
        this.doneAt = doneAt;
    }

    public Long getId() { return id; }
    public Delegation getDelegation() { return delegation; }
    public String getUserId() { return userId; }
    public String getDelegateName() { return delegateName; }
    public String getDelegatingName() { return delegatingName; }
    public String getDescription() { return description; }
    public String getBusinessKey() { return businessKey; }
    public String getTaskId() { return taskId; }
    public LocalDateTime getDoneAt() { return doneAt; }
}
