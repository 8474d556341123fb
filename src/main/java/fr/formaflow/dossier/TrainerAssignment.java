package fr.formaflow.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A trainer teaching in the action, with the hours they take on. */
@Embeddable
public record TrainerAssignment(@Column(name = "trainer_id") Long trainerId, BigDecimal hours) {
}
