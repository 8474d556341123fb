package fr.formaflow.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * « Ordre de reversement de l'avance »: what the organisation pays back to the Région when the balance could not take
 * back the rest of the advance (see {@link AdvanceRecoveryRules}). Issued once, when the funder accepts the balance.
 */
@Entity
@Table(name = "advance_recovery")
public class AdvanceRecovery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private Long actionId;

    @Column(nullable = false)
    private Long balanceInvoiceId;

    @Column(nullable = false)
    private String number;

    private long advanceCents;
    private long repaidCents;
    private long netCents;
    private long vatCents;
    private long grossCents;

    @Column(nullable = false)
    private LocalDateTime issuedAt;

    protected AdvanceRecovery() {
    }

    AdvanceRecovery(Long actionId, Long balanceInvoiceId, String number, AdvanceRecoveryRules.Amounts amounts, LocalDateTime issuedAt) {
        this.actionId = actionId;
        this.balanceInvoiceId = balanceInvoiceId;
        this.number = number;
        this.advanceCents = amounts.advanceCents();
        this.repaidCents = amounts.repaidCents();
        this.netCents = amounts.netCents();
        this.vatCents = amounts.vatCents();
        this.grossCents = amounts.grossCents();
        this.issuedAt = issuedAt;
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public Long getBalanceInvoiceId() { return balanceInvoiceId; }
    public String getNumber() { return number; }
    public long getAdvanceCents() { return advanceCents; }
    public long getRepaidCents() { return repaidCents; }
    public long getNetCents() { return netCents; }
    public long getVatCents() { return vatCents; }
    public long getGrossCents() { return grossCents; }
    public LocalDateTime getIssuedAt() { return issuedAt; }
}
