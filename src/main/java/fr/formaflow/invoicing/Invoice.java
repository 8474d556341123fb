package fr.formaflow.invoicing;

import fr.formaflow.platform.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/** A payment request of an action: periodic (monthly, quarterly, advance) or the balance. Amounts in cents. */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private Long actionId;

    /** Given at confirmation, from the organisation's gap-free series. */
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status;

    /** Covered months, "2026-01,2026-02". */
    @Column(nullable = false)
    private String months;

    private int traineeCount;
    private BigDecimal centreHours;
    private BigDecimal companyHours;
    private long netCents;
    private long vatCents;
    private long grossCents;
    private String explanation;

    @Column(nullable = false)
    private LocalDateTime createdAt;
    private LocalDateTime confirmedAt;
    private LocalDateTime decidedAt;
    private String decidedBy;
    private String rejectionReason;
    private LocalDate paidOn;
    private String paymentReference;

    protected Invoice() {
    }

    public Invoice(Long actionId, InvoiceKind kind, List<YearMonth> months, PeriodAmount amount, long netCents, Totals totals,
                   String explanation, LocalDateTime createdAt) {
        this.actionId = actionId;
        this.kind = kind;
        this.months = String.join(",", months.stream().map(YearMonth::toString).toList());
        this.traineeCount = amount.traineeCount();
        this.centreHours = amount.centreHours();
        this.companyHours = amount.companyHours();
        this.netCents = netCents;
        this.vatCents = InvoiceCalculator.toCents(totals.vat());
        this.grossCents = InvoiceCalculator.toCents(totals.gross());
        this.explanation = explanation;
        this.createdAt = createdAt;
        this.status = InvoiceStatus.DRAFT;
    }

    public void confirm(String number, LocalDateTime at) {
        requireStatus(InvoiceStatus.DRAFT, "confirmée");
        this.number = number;
        this.confirmedAt = at;
        this.status = InvoiceStatus.ISSUED;
    }

    public void accept(String userId, LocalDateTime at) {
        requireStatus(InvoiceStatus.ISSUED, "acceptée");
        this.status = InvoiceStatus.ACCEPTED;
        this.decidedBy = userId;
        this.decidedAt = at;
    }

    public void reject(String reason, String userId, LocalDateTime at) {
        requireStatus(InvoiceStatus.ISSUED, "rejetée");
        this.status = InvoiceStatus.REJECTED;
        this.rejectionReason = reason;
        this.decidedBy = userId;
        this.decidedAt = at;
    }

    public void pay(LocalDate on, String reference) {
        requireStatus(InvoiceStatus.ACCEPTED, "payée");
        if (on == null || reference == null || reference.isBlank()) {
            throw new BusinessRuleException("La date et la référence du virement sont obligatoires.");
        }
        this.paidOn = on;
        this.paymentReference = reference.trim();
        this.status = InvoiceStatus.PAID;
    }

    private void requireStatus(InvoiceStatus expected, String verb) {
        if (status != expected) {
            throw new BusinessRuleException("La facture " + (number == null ? "" : number + " ") + "ne peut pas être " + verb
                    + " : elle est « " + status.label() + " ».");
        }
    }

    /** Counts towards what was already invoiced (for the balance): everything but drafts and rejected requests. */
    public boolean counts() {
        return status != InvoiceStatus.DRAFT && status != InvoiceStatus.REJECTED;
    }

    public List<YearMonth> coveredMonths() {
        return months.isEmpty() ? List.of() : Arrays.stream(months.split(",")).map(YearMonth::parse).toList();
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public String getNumber() { return number; }
    public InvoiceKind getKind() { return kind; }
    public InvoiceStatus getStatus() { return status; }
    public String getMonths() { return months; }
    public int getTraineeCount() { return traineeCount; }
    public BigDecimal getCentreHours() { return centreHours; }
    public BigDecimal getCompanyHours() { return companyHours; }
    public long getNetCents() { return netCents; }
    public long getVatCents() { return vatCents; }
    public long getGrossCents() { return grossCents; }
    public String getExplanation() { return explanation; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public LocalDateTime getConfirmedAt() { return confirmedAt; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getRejectionReason() { return rejectionReason; }
    public LocalDate getPaidOn() { return paidOn; }
    public String getPaymentReference() { return paymentReference; }
}
