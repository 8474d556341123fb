package fr.formaflow.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One event sent to one receiver: attempts, last answer, and when it was delivered. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status { PENDING, DELIVERED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long webhookId;

    @Column(nullable = false)
    private String eventId;

    @Column(nullable = false)
    private Long dossierId;

    private long sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private int attempts;
    private Integer lastStatusCode;
    private String lastError;
    private LocalDateTime deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(Long webhookId, DomainEvent event) {
        this.webhookId = webhookId;
        this.eventId = event.getId();
        this.dossierId = event.getDossierId();
        this.sequence = event.getSequence();
        this.status = Status.PENDING;
    }

    void failed(Integer statusCode, String error) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    void delivered(int statusCode, LocalDateTime at) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = null;
        status = Status.DELIVERED;
        deliveredAt = at;
    }

    public Long getId() { return id; }
    public Long getWebhookId() { return webhookId; }
    public String getEventId() { return eventId; }
    public Long getDossierId() { return dossierId; }
    public long getSequence() { return sequence; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Integer getLastStatusCode() { return lastStatusCode; }
    public String getLastError() { return lastError; }
    public LocalDateTime getDeliveredAt() { return deliveredAt; }
}
