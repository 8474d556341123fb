package fr.formaflow.catalogue;

import fr.formaflow.dossier.Rejection;
import fr.formaflow.dossier.RejectionRepository;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.Processes;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a catalogue entry (processes/offer-publication.bpmn): created from its dossier once the funding is
 * notified, completed by the organisation, validated and coded (Formacode) by the funder, published; every later
 * change is a new revision validated the same way while the published one stays online; the session leaves the
 * catalogue 8 days after its start.
 */
@Service
@Transactional
public class Offers {

    public static final String PROCESS = "offerPublication";
    public static final String CHANGE_REQUESTED = "OfferChangeRequested";
    /** Rejections of an offer are kept with its dossier's, under this step. */
    public static final String REJECTION_STEP = "OFFER";

    private final TrainingOfferRepository offers;
    private final PublishedOfferRepository published;
    private final EntityManager entityManager;
    private final RejectionRepository rejections;
    private final Revalidations revalidations;
    private final Processes processes;
    private final Clock clock;

    public Offers(TrainingOfferRepository offers, PublishedOfferRepository published, EntityManager entityManager,
                  RejectionRepository rejections, Revalidations revalidations, Processes processes,
                  Clock clock) {
        this.offers = offers;
        this.published = published;
        this.entityManager = entityManager;
        this.rejections = rejections;
        this.revalidations = revalidations;
        this.processes = processes;
        this.clock = clock;
    }

    /** The funding is notified (the funder validated the dossier on the day of its vote): the entry is created from the dossier. */
    public TrainingOffer createFromDossier(long actionId) {
        // two validators approving at once: the second waits here for the first, finds its offer, then loses the task's
        // race. The row is locked before the dossier is read, so the second reads what the first committed; locking the
        // dossier's load itself made Hibernate lock in a second statement on PostgreSQL (the load's joins cannot be
        // locked), with a warning in the log at every dossier.
        entityManager.createNativeQuery("select id from training_action where id = :id for update").setParameter("id", actionId)
                .getResultList();
        TrainingAction action = entityManager.find(TrainingAction.class, actionId);
        Optional<TrainingOffer> existing = offers.findByActionId(actionId);
        if (existing.isPresent()) {
            return existing.get();
        }
        return start(action, fromDossier(action, clock.today()));
    }

    /** Creates an entry with the given content and starts its process (the dossier's own content, or demo data). */
    public TrainingOffer start(TrainingAction action, OfferContent content) {
        TrainingOffer offer = offers.save(new TrainingOffer(action.getId(), action.getOrganisation(), action.getFunder(), content, clock.now()));
        revalidations.ensureFollowed(action.getOrganisation());
        Map<String, Object> variables = new HashMap<>();
        variables.put("offerId", offer.getId());
        variables.put("organisationGroup", action.getOrganisation().getGroupId());
        variables.put("funderGroup", action.getValidatorGroupId());
        variables.put("leavesCatalogueAt", leavesCatalogueAt(content.startDate()));
        // shown on the tasks' cards in Tasklist, like a dossier's (never read by the process)
        variables.put("contractNumber", action.getContractNumber());
        variables.put("actionTitle", "Offre de catalogue — " + action.getTitle());
        variables.put("organisationName", action.getOrganisation().getName());
        String instanceId = processes.start(PROCESS, "OFFRE-" + action.getContractNumber(), variables);
        offer.attachProcess(instanceId);
        return offer;
    }

    static OfferContent fromDossier(TrainingAction action, LocalDate voteDate) {
        Organisation organisation = action.getOrganisation();
        List<OfferModule> modules = new ArrayList<>();
        if (action.getHoursCentre() != null && action.getHoursCentre().signum() > 0) {
            modules.add(new OfferModule("Formation en centre", action.getHoursCentre()));
        }
        if (action.getHoursCompany() != null && action.getHoursCompany().signum() > 0) {
            modules.add(new OfferModule("Période en entreprise", action.getHoursCompany()));
        }
        boolean sameTown = action.getLocation() != null && organisation.getCity() != null
                && OfferRules.placeKey(action.getLocation()).equals(OfferRules.placeKey(organisation.getCity()));
        String funding = "Action financée par " + action.getFunder().getName() + ", retenue lors du vote du "
                + French.date(voteDate) + ".";
        return new OfferContent(action.getTitle(), action.getObjectives(), action.getContent(), modules, action.getFormacode(),
                action.getPlannedStart(), action.getPlannedEnd(), action.getLocation(), sameTown ? organisation.getPostcode() : null,
                action.getTotalTrainees(), funding, voteDate, organisation.getContactName(), organisation.getPhone(),
                organisation.getContactEmail() != null ? organisation.getContactEmail() : organisation.getEmail());
    }

    /** "Compléter l'offre" → "Envoyer pour validation". */
    public void sendForValidation(long offerId, OfferContent revision) {
        get(offerId).sendForValidation(revision);
    }

    /** "Valider et publier l'offre": publish with a Formacode, or send back with the reasons the organisation will read. */
    public void decide(long offerId, boolean approved, String formacode, String reason, String validator) {
        TrainingOffer offer = get(offerId);
        if (approved) {
            offer.approve(formacode);
            return;
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("Le motif du renvoi est obligatoire : l'organisme le lira sur sa tâche « Compléter l'offre ».");
        }
        rejections.save(new Rejection(offer.getActionId(), REJECTION_STEP, reason.trim(), validator, clock.now()));
        offer.sendBack();
    }

    /** "Publier l'offre": the validated revision replaces what the public sees; returns when the session leaves the catalogue. */
    public Date publish(long offerId) {
        TrainingOffer offer = get(offerId);
        boolean organisationWithdrawn = revalidations.isWithdrawn(offer.getOrganisation().getId());
        PublishedOffer snapshot = published.findById(offerId).orElse(null);
        if (snapshot == null) {
            snapshot = published.save(new PublishedOffer(offer, organisationWithdrawn, clock.now()));
        } else {
            snapshot.replaceWith(offer, clock.now());
        }
        offer.published();
        return leavesCatalogueAt(snapshot.getContent().startDate());
    }

    /** "Retirer la session du catalogue", 8 days after its start. */
    public void withdrawSession(long offerId) {
        TrainingOffer offer = get(offerId);
        offer.withdrawn();
        published.findById(offerId).ifPresent(PublishedOffer::sessionOver);
    }

    /** The organisation changes a published offer (dates, free places): a new revision goes through validation. */
    public TrainingOffer requestChange(long offerId) {
        TrainingOffer offer = get(offerId);
        offer.reopen();
        processes.correlate(CHANGE_REQUESTED, offer.getProcessInstanceId(), Map.of());
        return offer;
    }

    /** Is the dossier's offer published (and its organisation's record current)? */
    @Transactional(readOnly = true)
    public boolean isPublished(long actionId) {
        return offers.findByActionId(actionId).flatMap(offer -> published.findById(offer.getId()))
                .map(snapshot -> !snapshot.isOrganisationWithdrawn()).orElse(false);
    }

    @Transactional(readOnly = true)
    public TrainingOffer get(long offerId) {
        return offers.findById(offerId).orElseThrow(() -> new NotFoundException("L'offre n° " + offerId + " n'existe pas."));
    }

    @Transactional(readOnly = true)
    public Optional<PublishedOffer> publishedVersion(long offerId) {
        return published.findById(offerId);
    }

    @Transactional(readOnly = true)
    public List<TrainingOffer> of(Organisation organisation) {
        return offers.findByOrganisationIdOrderByIdDesc(organisation.getId());
    }

    /** The timer's date: midnight (Paris) of the 8th day after the start. */
    static Date leavesCatalogueAt(LocalDate start) {
        LocalDate day = (start == null ? LocalDate.now(Clock.PARIS) : start).plusDays(OfferRules.DAYS_LISTED_AFTER_START);
        return Date.from(day.atStartOfDay(Clock.PARIS).toInstant());
    }

}
