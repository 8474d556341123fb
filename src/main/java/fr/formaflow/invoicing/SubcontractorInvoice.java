package fr.formaflow.invoicing;

import fr.formaflow.platform.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A subcontractor's invoice (amount excl. VAT), recorded by the titular; deducted from the titular's next invoice. */
@Entity
@Table(name = "subcontractor_invoice")
public class SubcontractorInvoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long actionId;
    @Column(nullable = false)
    private Long subcontractorId;
    @Column(nullable = false)
    private String reference;
    @Column(nullable = false)
    private long amountCents;
    @Column(nullable = false)
    private String recordedBy;
    @Column(nullable = false)
    private LocalDateTime recordedAt;
    private Long deductedInInvoiceId;

    protected SubcontractorInvoice() {
    }

    public SubcontractorInvoice(Long actionId, Long subcontractorId, String reference, long amountCents, String recordedBy,
                                LocalDateTime recordedAt) {
        if (reference == null || reference.isBlank()) {
            throw new BusinessRuleException("Le numéro de la facture du sous-traitant est obligatoire.");
        }
        if (amountCents <= 0) {
            throw new BusinessRuleException("Le montant HT de la facture du sous-traitant doit être supérieur à zéro.");
        }
        this.actionId = actionId;
        this.subcontractorId = subcontractorId;
        this.reference = reference.trim();
        this.amountCents = amountCents;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void deductedIn(Long invoiceId) {
        this.deductedInInvoiceId = invoiceId;
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public Long getSubcontractorId() { return subcontractorId; }
    public String getReference() { return reference; }
    public long getAmountCents() { return amountCents; }
    public String getRecordedBy() { return recordedBy; }
    public LocalDateTime getRecordedAt() { return recordedAt; }
    public Long getDeductedInInvoiceId() { return deductedInInvoiceId; }
}
