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

    /** The organisation that issues the invoice: its numbers are unique within its own series, not across organisations. */
    @Column(nullable = false)
    private Long issuerId;

    /** Given at confirmation, from the issuer's gap-free series. */
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
    /** What the hours are worth, before subcontractors' invoices are deducted: counts towards the action's price. */
    private long hoursAmountCents;
    private long subcontractedCents;
    /** On the advance's own invoice: the advance paid. Counts neither towards the price nor as hours. */
    private long advanceCents;
    /** What this invoice takes back from the advance, deducted from its net after the subcontractors' share. */
    private long advanceRepaidCents;
    private long netCents;
    private long vatCents;
    private long grossCents;
    private String explanation;
    /** "Dont 1 500,00 € pour CÉVENNES GESTION", one per line. */
    private String notes;
    private Long creditedInvoiceId;

    @Column(nullable = false)
    private LocalDateTime createdAt;
    private LocalDateTime confirmedAt;
    private LocalDateTime decidedAt;
    private String decidedBy;
    private String rejectionReason;
    private LocalDate paidOn;
    private String paymentReference;
    /** The buyer's references it was issued with (BT-10, BT-12, BT-13); null on invoices issued before they were kept. */
    private String buyerReference;
    private String contractReference;
    private String orderReference;

    protected Invoice() {
    }

    public Invoice(Long actionId, Long issuerId, InvoiceKind kind, List<YearMonth> months, PeriodAmount hours, long hoursAmountCents,
                   Subcontracting.Deduction deduction, Totals totals, String explanation, String notes, LocalDateTime createdAt) {
        this(actionId, issuerId, kind, months, hours, hoursAmountCents, deduction, 0, totals, explanation, notes, createdAt);
    }

    /** advanceRepaidCents: what it takes back from the advance, out of the net left after the subcontractors' share. */
    public Invoice(Long actionId, Long issuerId, InvoiceKind kind, List<YearMonth> months, PeriodAmount hours, long hoursAmountCents,
                   Subcontracting.Deduction deduction, long advanceRepaidCents, Totals totals, String explanation, String notes,
                   LocalDateTime createdAt) {
        this.actionId = actionId;
        this.issuerId = issuerId;
        this.kind = kind;
        this.months = String.join(",", months.stream().map(YearMonth::toString).toList());
        this.traineeCount = hours.traineeCount();
        this.centreHours = hours.centreHours();
        this.companyHours = hours.companyHours();
        this.hoursAmountCents = hoursAmountCents;
        this.subcontractedCents = deduction.deductedCents();
        if (advanceRepaidCents < 0 || advanceRepaidCents > deduction.netCents()) {
            throw new IllegalArgumentException("An invoice repays at most its own net amount of the advance");
        }
        this.advanceRepaidCents = advanceRepaidCents;
        this.netCents = deduction.netCents() - advanceRepaidCents;
        this.vatCents = InvoiceCalculator.toCents(totals.vat());
        this.grossCents = InvoiceCalculator.toCents(totals.gross());
        this.explanation = explanation;
        this.notes = notes;
        this.createdAt = createdAt;
        this.status = InvoiceStatus.DRAFT;
    }

    /** The Région market's advance, an invoice of its own: no hours, the advance as its net amount. */
    public static Invoice advance(Long actionId, Long issuerId, InvoiceKind kind, long advanceCents, Totals totals, String explanation,
                                  LocalDateTime createdAt) {
        if (!kind.isMarketAdvance() || advanceCents <= 0) {
            throw new IllegalArgumentException("An advance invoice has an advance kind and a positive amount");
        }
        Invoice invoice = new Invoice(actionId, issuerId, kind, List.of(), new PeriodAmount(BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0), 0, new Subcontracting.Deduction(advanceCents, List.of()), totals, explanation, null, createdAt);
        invoice.advanceCents = advanceCents;
        return invoice;
    }

    /** The credit note (avoir) that cancels a rejected invoice: same amounts, its own number. */
    public static Invoice creditNoteOf(Invoice rejected, String number, LocalDateTime at) {
        Invoice credit = new Invoice();
        credit.actionId = rejected.actionId;
        credit.issuerId = rejected.issuerId;
        credit.kind = InvoiceKind.CREDIT_NOTE;
        credit.months = rejected.months;
        credit.traineeCount = rejected.traineeCount;
        credit.centreHours = rejected.centreHours;
        credit.companyHours = rejected.companyHours;
        credit.hoursAmountCents = rejected.hoursAmountCents;
        credit.subcontractedCents = rejected.subcontractedCents;
        credit.advanceCents = rejected.advanceCents;
        credit.advanceRepaidCents = rejected.advanceRepaidCents;
        credit.notes = rejected.notes;
        credit.netCents = rejected.netCents;
        credit.vatCents = rejected.vatCents;
        credit.grossCents = rejected.grossCents;
        credit.explanation = "Avoir sur la facture n° " + rejected.number + ", rejetée par le financeur : " + rejected.rejectionReason;
        credit.creditedInvoiceId = rejected.id;
        credit.buyerReference = rejected.buyerReference;
        credit.contractReference = rejected.contractReference;
        credit.orderReference = rejected.orderReference;
        credit.number = number;
        credit.createdAt = at;
        credit.confirmedAt = at;
        credit.status = InvoiceStatus.ISSUED;
        return credit;
    }

    /** Only a draft is confirmed: checked before its number is taken from the gap-free series. */
    public void requireConfirmable() {
        requireStatus(InvoiceStatus.DRAFT, "confirmée");
    }

    /** A balance of 0,00 €: a « relevé de solde nul », outside the numbered series, never paid. */
    public boolean isNil() {
        return kind == InvoiceKind.BALANCE && grossCents == 0 && advanceRepaidCents == 0;
    }

    /** Confirms a nil balance: it takes no number. */
    public void confirmNil(LocalDateTime at) {
        requireConfirmable();
        if (!isNil()) {
            throw new IllegalStateException("Only a nil balance is confirmed without a number");
        }
        this.confirmedAt = at;
        this.status = InvoiceStatus.ISSUED;
    }

    public void confirm(String number, LocalDateTime at, InvoiceDocument.BuyerReferences references) {
        requireConfirmable();
        this.number = number;
        this.buyerReference = references.buyerReference();
        this.contractReference = references.contractReference();
        this.orderReference = references.orderReference();
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

    /** Counts towards what was already invoiced: everything but drafts, rejected invoices and their credit notes. */
    public boolean counts() {
        return kind != InvoiceKind.CREDIT_NOTE && status != InvoiceStatus.DRAFT && status != InvoiceStatus.REJECTED;
    }

    public List<YearMonth> coveredMonths() {
        return months.isEmpty() ? List.of() : Arrays.stream(months.split(",")).map(YearMonth::parse).toList();
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public Long getIssuerId() { return issuerId; }
    public String getNumber() { return number; }

    /** The references it was issued with; an invoice issued before they were kept refers to its contract number. */
    public InvoiceDocument.BuyerReferences references(String contractNumber) {
        return buyerReference == null ? InvoiceDocument.BuyerReferences.of(contractNumber)
                : new InvoiceDocument.BuyerReferences(buyerReference, contractReference, orderReference);
    }
    public InvoiceKind getKind() { return kind; }
    public InvoiceStatus getStatus() { return status; }
    public String getMonths() { return months; }
    public int getTraineeCount() { return traineeCount; }
    public BigDecimal getCentreHours() { return centreHours; }
    public BigDecimal getCompanyHours() { return companyHours; }
    public long getHoursAmountCents() { return hoursAmountCents; }
    public long getSubcontractedCents() { return subcontractedCents; }
    public long getAdvanceCents() { return advanceCents; }
    public long getAdvanceRepaidCents() { return advanceRepaidCents; }
    public String getNotes() { return notes; }
    public Long getCreditedInvoiceId() { return creditedInvoiceId; }
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
