package fr.formaflow.catalogue;

import java.math.BigDecimal;

/** One module of a modular programme, with its duration in hours (the catalogue shows each module's duration). */
public record OfferModule(String title, BigDecimal hours) {
}
