package fr.formaflow.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One sending of a portage invoice by e-mail (the OPCO's, seed 000 « IZIFORPRO se charge de la transmettre à l'OPCO
 * concerné »): to whom, when, and whether the mail server took it. The platform's outbox lists them.
 */
@Entity
@Table(name = "invoice_dispatch")
public class InvoiceDispatch {

    public enum Status {
        SENT("Envoyée"),
        FAILED("Échec de l'envoi");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long portageInvoiceId;
    @Column(nullable = false)
    private Long actionId;
    /** The portage platform (a funder) that issued and sent the invoice: whose validators see it. */
    @Column(nullable = false)
    private Long platformId;
    @Column(nullable = false)
    private String recipientName;
    @Column(nullable = false)
    private String recipientEmail;
    @Column(nullable = false)
    private String subject;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String error;
    @Column(nullable = false)
    private LocalDateTime attemptedAt;

    protected InvoiceDispatch() {
    }

    InvoiceDispatch(PortageInvoice invoice, Long platformId, String recipientName, String recipientEmail, String subject, String error,
                    LocalDateTime attemptedAt) {
        this.portageInvoiceId = invoice.getId();
        this.actionId = invoice.getActionId();
        this.platformId = platformId;
        this.recipientName = recipientName;
        this.recipientEmail = recipientEmail;
        this.subject = subject;
        this.status = error == null ? Status.SENT : Status.FAILED;
        this.error = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        this.attemptedAt = attemptedAt;
    }

    public Long getId() { return id; }
    public Long getPortageInvoiceId() { return portageInvoiceId; }
    public Long getActionId() { return actionId; }
    public Long getPlatformId() { return platformId; }
    public String getRecipientName() { return recipientName; }
    public String getRecipientEmail() { return recipientEmail; }
    public String getSubject() { return subject; }
    public Status getStatus() { return status; }
    public String getError() { return error; }
    public LocalDateTime getAttemptedAt() { return attemptedAt; }
}
