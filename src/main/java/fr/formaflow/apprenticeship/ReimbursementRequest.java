package fr.formaflow.apprenticeship;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** A CFA's request for one instalment of a contract: invoice, completion certificate, receipt, the OPCO's decision. */
@Entity
@Table(name = "reimbursement_request")
public class ReimbursementRequest {

    public enum Status {
        SUBMITTED("Déposée"), ACCEPTED("Acceptée"), REJECTED("Rejetée");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An attached file as received: its bytes, its type (found from its content) and its SHA-256. */
    public record File(byte[] content, String contentType, String sha256) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private Long contractId;

    private int instalment;
    private String instalmentLabel;
    private long amountCents;
    private long equipmentCents;
    private String invoiceReference;

    @Basic(fetch = FetchType.LAZY)
    private byte[] invoiceFile;
    private String invoiceType;
    private String invoiceSha256;

    @Basic(fetch = FetchType.LAZY)
    private byte[] certificateFile;
    private String certificateType;
    private String certificateSha256;

    @Column(nullable = false, unique = true)
    private String receiptNumber;

    @Basic(fetch = FetchType.LAZY)
    private byte[] receiptPdf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private LocalDateTime submittedAt;
    private String submittedBy;
    private LocalDateTime decidedAt;
    private String decidedBy;
    private String rejectionReason;

    protected ReimbursementRequest() {
    }

    ReimbursementRequest(Long contractId, PaymentRhythm.Instalment instalment, long equipmentCents, String invoiceReference,
                         File invoice, File certificate, String receiptNumber, LocalDateTime submittedAt, String submittedBy) {
        this.contractId = contractId;
        this.instalment = instalment.number();
        this.instalmentLabel = instalment.label();
        this.amountCents = instalment.amountCents();
        this.equipmentCents = equipmentCents;
        this.invoiceReference = invoiceReference;
        this.invoiceFile = invoice.content();
        this.invoiceType = invoice.contentType();
        this.invoiceSha256 = invoice.sha256();
        if (certificate != null) {
            this.certificateFile = certificate.content();
            this.certificateType = certificate.contentType();
            this.certificateSha256 = certificate.sha256();
        }
        this.receiptNumber = receiptNumber;
        this.status = Status.SUBMITTED;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
    }

    void attachReceipt(byte[] pdf) {
        this.receiptPdf = pdf;
    }

    void accept(String userId, LocalDateTime at) {
        decide(Status.ACCEPTED, userId, at, null);
    }

    void reject(String userId, LocalDateTime at, String reason) {
        decide(Status.REJECTED, userId, at, reason);
    }

    private void decide(Status decision, String userId, LocalDateTime at, String reason) {
        if (status != Status.SUBMITTED) {
            throw new IllegalStateException("Request " + id + " was already decided");
        }
        this.status = decision;
        this.decidedBy = userId;
        this.decidedAt = at;
        this.rejectionReason = reason;
    }

    public long totalCents() {
        return amountCents + equipmentCents;
    }

    public boolean hasCertificate() {
        return certificateSha256 != null;
    }

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public int getInstalment() { return instalment; }
    public String getInstalmentLabel() { return instalmentLabel; }
    public long getAmountCents() { return amountCents; }
    public long getEquipmentCents() { return equipmentCents; }
    public String getInvoiceReference() { return invoiceReference; }
    public String getInvoiceSha256() { return invoiceSha256; }
    public String getCertificateSha256() { return certificateSha256; }
    public String getReceiptNumber() { return receiptNumber; }
    public byte[] getReceiptPdf() { return receiptPdf; }
    public Status getStatus() { return status; }
    public LocalDateTime getSubmittedAt() { return submittedAt; }
    public String getSubmittedBy() { return submittedBy; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getRejectionReason() { return rejectionReason; }
}
