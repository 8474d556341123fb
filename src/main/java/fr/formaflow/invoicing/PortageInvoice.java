package fr.formaflow.invoicing;

import fr.formaflow.invoicing.PortageBilling.Recipient;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An invoice issued by a portage platform at an action's closure (see {@link PortageBilling}). Amounts in cents. */
@Entity
@Table(name = "portage_invoice")
public class PortageInvoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private Long actionId;

    @Column(nullable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Recipient recipient;

    /** The client invoiced, or whose share its OPCO pays; null for the service fee. */
    private String clientName;
    private long netCents;
    private long vatCents;
    private long grossCents;
    /** An OPCO's invoice: the reference of the client's funding agreement (accord de prise en charge) it is issued under. */
    private String fundingAgreementReference;

    @Column(nullable = false)
    private LocalDateTime issuedAt;
    private LocalDate paidOn;
    private String paymentReference;

    protected PortageInvoice() {
    }

    PortageInvoice(Long actionId, String number, PortageBilling.Bill bill, LocalDateTime issuedAt) {
        this.actionId = actionId;
        this.number = number;
        this.recipient = bill.recipient();
        this.clientName = bill.client();
        this.netCents = bill.netCents();
        this.vatCents = bill.vatCents();
        this.grossCents = bill.grossCents();
        this.fundingAgreementReference = bill.fundingAgreementReference();
        this.issuedAt = issuedAt;
    }

    void pay(LocalDate on, String reference) {
        if (isPaid()) {
            throw new BusinessRuleException("La facture " + number + " est déjà réglée (le " + French.date(paidOn) + ").");
        }
        if (on == null || reference == null || reference.isBlank()) {
            throw new BusinessRuleException("Facture " + number + " : la date et la référence du règlement sont obligatoires.");
        }
        this.paidOn = on;
        this.paymentReference = reference.trim();
    }

    public boolean isPaid() {
        return paidOn != null;
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public String getNumber() { return number; }
    public Recipient getRecipient() { return recipient; }
    public String getClientName() { return clientName; }
    public long getNetCents() { return netCents; }
    public long getVatCents() { return vatCents; }
    public long getGrossCents() { return grossCents; }
    public LocalDateTime getIssuedAt() { return issuedAt; }
    public String getFundingAgreementReference() { return fundingAgreementReference; }
    public LocalDate getPaidOn() { return paidOn; }
    public String getPaymentReference() { return paymentReference; }
}
