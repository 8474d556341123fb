package fr.formaflow.dossier;

import java.math.BigDecimal;

/** A trainer as entered in a dossier: found again by name among the organisation's trainers, or created. */
public record TrainerEntry(String lastName, String firstName, String email, String domain, String status,
                           BigDecimal hours, String experience) {
}
