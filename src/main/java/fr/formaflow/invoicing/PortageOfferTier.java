package fr.formaflow.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A tier of a portage offer's fee grid, as stored (see {@link PortageOffers.Tier}). */
@Embeddable
public record PortageOfferTier(@Column(name = "up_to_cents") Long upToCents, @Column(name = "percent") BigDecimal percent) {
}
