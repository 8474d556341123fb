package fr.formaflow.events;

import fr.formaflow.platform.ChosenIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A state change of a dossier, an invoice or a document, as other systems receive it (JSON payload). */
@Entity
@Table(name = "domain_event")
public class DomainEvent extends ChosenIdEntity<String> {

    @Id
    private String id;

    @Column(nullable = false)
    private Long dossierId;

    /** 1, 2, 3… per dossier: receivers get a dossier's events in this order. */
    private long sequence;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    protected DomainEvent() {
    }

    DomainEvent(String id, Long dossierId, long sequence, String type, String payload, LocalDateTime createdAt) {
        this.id = id;
        this.dossierId = dossierId;
        this.sequence = sequence;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    @Override
    public String getId() { return id; }

    public Long getDossierId() { return dossierId; }
    public long getSequence() { return sequence; }
    public String getType() { return type; }
    public String getPayload() { return payload; }
    public LocalDateTime getCreatedAt() { return createdAt; }
}
