package fr.formaflow.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The validated version of an offer, as the public catalogue shows it. Listed while the session has not been
 * over for 8 days and its organisation's record is revalidated; replaced as a whole by each later validation.
 */
@Entity
@Table(name = "published_offer")
public class PublishedOffer {

    @Id
    private Long offerId;

    @Column(nullable = false)
    private Long organisationId;

    @Column(nullable = false)
    private String organisationName;

    @Embedded
    private OfferContent content;

    @Column(nullable = false)
    private String cityKey;

    @Column(nullable = false)
    private LocalDate leavesCatalogueOn;

    private boolean sessionOver;
    private boolean organisationWithdrawn;

    @Column(nullable = false)
    private LocalDateTime publishedAt;

    protected PublishedOffer() {
    }

    public PublishedOffer(TrainingOffer offer, boolean organisationWithdrawn, LocalDateTime now) {
        this.offerId = offer.getId();
        this.organisationId = offer.getOrganisation().getId();
        this.organisationWithdrawn = organisationWithdrawn;
        replaceWith(offer, now);
    }

    public void replaceWith(TrainingOffer offer, LocalDateTime now) {
        this.content = offer.getDraft();
        this.organisationName = offer.getOrganisation().getName();
        this.cityKey = OfferRules.placeKey(content.city());
        this.leavesCatalogueOn = content.startDate().plusDays(OfferRules.DAYS_LISTED_AFTER_START);
        this.publishedAt = now;
    }

    public void sessionOver() {
        this.sessionOver = true;
    }

    public boolean listedOn(LocalDate day) {
        return !sessionOver && !organisationWithdrawn && day.isBefore(leavesCatalogueOn);
    }

    public Long getOfferId() { return offerId; }
    public OfferContent getContent() { return content; }
    public LocalDate getLeavesCatalogueOn() { return leavesCatalogueOn; }
    public boolean isSessionOver() { return sessionOver; }
    public boolean isOrganisationWithdrawn() { return organisationWithdrawn; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
}
