package fr.formaflow.apprenticeship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One state a contract entered, when, by whom, and why. */
@Entity
@Table(name = "contract_state_change")
public class ContractStateChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long contractId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractState state;

    @Column(nullable = false)
    private LocalDateTime changedAt;

    @Column(nullable = false)
    private String changedBy;

    private String comment;

    protected ContractStateChange() {
    }

    ContractStateChange(Long contractId, ContractState state, LocalDateTime changedAt, String changedBy, String comment) {
        this.contractId = contractId;
        this.state = state;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.comment = comment;
    }

    public ContractState getState() { return state; }
    public LocalDateTime getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getComment() { return comment; }
}
