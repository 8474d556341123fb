package fr.formaflow.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** A period of the action spent in the centre or in the company. */
@Embeddable
public record Period(
        @Enumerated(EnumType.STRING) @Column(name = "place") Place place,
        @Column(name = "start_date") LocalDate start,
        @Column(name = "end_date") LocalDate end) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
