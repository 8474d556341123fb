package fr.formaflow.catalogue;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * An organisation's record in the catalogue: its "potentiel de formation" ({@link TrainingPotential}), which the
 * organisation edits and validates at least once a year, failing which its offers are withdrawn from the public
 * catalogue until it validates it again.
 */
@Entity
@Table(name = "organisation_listing")
public class OrganisationListing {

    /** The record is withdrawn this many months after its last revalidation; the reminder comes one month before. */
    public static final int MONTHS_VALID = 12;

    @Id
    private Long organisationId;

    @Version
    private long version;

    private LocalDate revalidatedOn;
    private LocalDate remindedOn;
    private boolean withdrawn;

    @Embedded
    private TrainingPotential potential;

    protected OrganisationListing() {
    }

    /** The organisation saves its record; « Valider mon potentiel de formation » then stamps it ({@link #revalidate}). */
    public void describe(TrainingPotential potential) {
        this.potential = potential;
    }

    public void revalidate(LocalDate today) {
        this.revalidatedOn = today;
        this.remindedOn = null;
        this.withdrawn = false;
    }

    public LocalDate withdrawalDate() {
        return revalidatedOn.plusMonths(MONTHS_VALID);
    }

    public LocalDate reminderDate() {
        return withdrawalDate().minusMonths(1);
    }

    public void reminded(LocalDate today) {
        this.remindedOn = today;
    }

    public void withdraw() {
        this.withdrawn = true;
    }

    public Long getOrganisationId() { return organisationId; }
    public LocalDate getRevalidatedOn() { return revalidatedOn; }
    public LocalDate getRemindedOn() { return remindedOn; }
    public boolean isWithdrawn() { return withdrawn; }
    /** Never null: a record never filled in is empty (Hibernate reads an embeddable of null columns as null). */
    public TrainingPotential getPotential() { return potential == null ? TrainingPotential.empty() : potential; }
}
