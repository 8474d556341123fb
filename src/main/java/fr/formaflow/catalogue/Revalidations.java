package fr.formaflow.catalogue;

import fr.formaflow.notification.EmailSender;
import fr.formaflow.notification.Notifications;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.InsertIfAbsent;
import fr.formaflow.platform.Processes;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly revalidation of an organisation's record (processes/organisation-revalidation.bpmn, one instance per
 * organisation with offers): a reminder 11 months after the last revalidation, withdrawal of all its offers from the
 * public catalogue after 12, and their return as soon as the organisation validates it again ("Valider mon potentiel de formation").
 */
@Service
@Transactional
public class Revalidations {

    public static final String PROCESS = "organisationRevalidation";
    public static final String REVALIDATED = "OrganisationRecordRevalidated";

    private final OrganisationListingRepository listings;
    private final PublishedOfferRepository published;
    private final OrganisationRepository organisations;
    private final Notifications notifications;
    private final EmailSender email;
    private final Processes processes;
    private final Clock clock;
    private final InsertIfAbsent insertIfAbsent;

    public Revalidations(OrganisationListingRepository listings, PublishedOfferRepository published, OrganisationRepository organisations,
                         Notifications notifications, EmailSender email, Processes processes, Clock clock,
                         InsertIfAbsent insertIfAbsent) {
        this.listings = listings;
        this.insertIfAbsent = insertIfAbsent;
        this.published = published;
        this.organisations = organisations;
        this.notifications = notifications;
        this.email = email;
        this.processes = processes;
        this.clock = clock;
    }

    /** An organisation with offers in the catalogue: its record counts as validated today, and its yearly timer runs. */
    public OrganisationListing ensureFollowed(Organisation organisation) {
        // two offers of the same organisation published at once: one creates its listing and starts its timer
        boolean created = insertIfAbsent.insert("organisation_listing", Map.of("organisation_id", organisation.getId(),
                "revalidated_on", clock.today(), "version", 0L, "withdrawn", false), "organisation_id");
        OrganisationListing listing = listings.findById(organisation.getId()).orElseThrow();
        if (created || instanceOf(organisation) == null) {
            processes.start(PROCESS, organisation.getSiret(),
                    Map.of("organisationId", organisation.getId(), "organisationGroup", organisation.getGroupId()));
        }
        return listing;
    }

    /** The record is current for another 12 months; withdrawn offers return to the catalogue. */
    public OrganisationListing revalidate(Organisation organisation) {
        OrganisationListing listing = ensureFollowed(organisation);
        listing.revalidate(clock.today());
        published.setOrganisationWithdrawn(organisation.getId(), false);
        String instanceId = instanceOf(organisation);
        try {
            processes.correlate(REVALIDATED, instanceId, Map.of());
        } catch (Processes.NotWaiting e) {
            // the reminder or the withdrawal is running at this very moment: nothing is changed, the user tries again
            throw new BusinessRuleException("Votre fiche est en cours de traitement : réessayez dans un instant.");
        }
        return listing;
    }

    /** The organisation edits its « potentiel de formation »: malformed fields are refused, missing ones only at validation. */
    public OrganisationListing savePotential(Organisation organisation, TrainingPotential potential) {
        if (potential == null) {
            throw new BusinessRuleException("Indiquez le potentiel de formation de l'organisme.");
        }
        BusinessRuleException.throwIfAny("Le potentiel de formation ne peut pas être enregistré :", potential.errors());
        OrganisationListing listing = ensureFollowed(organisation);
        listing.describe(potential.trimmed());
        return listing;
    }

    /**
     * « Valider mon potentiel de formation »: the complete record is validated for 12 months (every missing field named
     * otherwise), and withdrawn offers return to the catalogue.
     */
    public OrganisationListing validatePotential(Organisation organisation) {
        OrganisationListing listing = ensureFollowed(organisation);
        BusinessRuleException.throwIfAny("Votre potentiel de formation ne peut pas être validé :", listing.getPotential().problems());
        return revalidate(organisation);
    }

    @Transactional(readOnly = true)
    public boolean isWithdrawn(long organisationId) {
        return listings.findById(organisationId).map(OrganisationListing::isWithdrawn).orElse(false);
    }

    @Transactional(readOnly = true)
    public OrganisationListing listing(Organisation organisation) {
        return listings.findById(organisation.getId()).orElse(null);
    }

    /** "Planifier la revalidation": the dates of the reminder and of the withdrawal, from the last revalidation. */
    @Transactional(readOnly = true)
    public Schedule schedule(long organisationId) {
        OrganisationListing listing = listing(organisationId);
        return new Schedule(midnight(listing.reminderDate()), midnight(listing.withdrawalDate()));
    }

    public record Schedule(Date reminderAt, Date withdrawalAt) {
    }

    /** "Rappeler de revalider la fiche", one month before the withdrawal. */
    public void remind(long organisationId) {
        OrganisationListing listing = listing(organisationId);
        listing.reminded(clock.today());
        Organisation organisation = organisations.findById(listing.getOrganisationId()).orElseThrow();
        tell(organisation, "Revalidez la fiche de votre organisme avant le " + French.date(listing.withdrawalDate()),
                "La fiche de " + organisation.getName() + " a été validée pour la dernière fois le " + French.date(listing.getRevalidatedOn())
                        + ". Sans revalidation avant le " + French.date(listing.withdrawalDate())
                        + ", ses offres seront retirées du catalogue public. Vérifiez-la et validez-la sur la page « Mes offres au catalogue » (bouton « Valider mon potentiel de formation »).");
    }

    /** "Retirer les offres de l'organisme": 12 months without revalidation. */
    public void withdraw(long organisationId) {
        OrganisationListing listing = listing(organisationId);
        listing.withdraw();
        published.setOrganisationWithdrawn(listing.getOrganisationId(), true);
        Organisation organisation = organisations.findById(listing.getOrganisationId()).orElseThrow();
        tell(organisation, "Les offres de votre organisme sont retirées du catalogue",
                "La fiche de " + organisation.getName() + " n'a pas été revalidée depuis le " + French.date(listing.getRevalidatedOn())
                        + " : ses offres ne sont plus diffusées. Elles le seront de nouveau dès que vous validerez votre potentiel de formation.");
    }

    private void tell(Organisation organisation, String subject, String body) {
        notifications.send(organisation.getGroupId(), null, subject, body);
        String to = organisation.getContactEmail() != null ? organisation.getContactEmail() : organisation.getEmail();
        if (to != null) {
            email.send(to, subject, "Bonjour,\n\n" + body + "\n\nL'équipe Formaflow");
        }
    }

    private OrganisationListing listing(long organisationId) {
        return listings.findById(organisationId).orElseThrow();
    }

    private String instanceOf(Organisation organisation) {
        return processes.runningInstance(PROCESS, organisation.getSiret()).orElse(null);
    }

    private static Date midnight(LocalDate day) {
        return Date.from(day.atStartOfDay(Clock.PARIS).toInstant());
    }
}
