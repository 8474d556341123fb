package fr.formaflow.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A receiver of events, registered by an organisation or a funder; the secret signs every delivery (HMAC-SHA256). */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String ownerGroup;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    private LocalDateTime createdAt;
    private String createdBy;

    protected Webhook() {
    }

    Webhook(String ownerGroup, String url, String secret, LocalDateTime createdAt, String createdBy) {
        this.ownerGroup = ownerGroup;
        this.url = url;
        this.secret = secret;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public String getOwnerGroup() { return ownerGroup; }
    public String getUrl() { return url; }
    String getSecret() { return secret; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
