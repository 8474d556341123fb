package fr.formaflow.attendance;

import fr.formaflow.dossier.Place;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One absence declared with a month: who, when, why, where and how many hours. */
public record AbsenceEntry(long traineeId, LocalDate start, LocalDate end, String reason, Place place, BigDecimal hours) {
}
