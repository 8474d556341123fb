package fr.formaflow.catalogue;

import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationAdmin;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * « Mes offres au catalogue »: an organisation's offers, a change to a published one, and its « potentiel de formation »,
 * edited and validated yearly (« Valider mon potentiel de formation »). Always the current user's own organisation.
 */
@RestController
@RequestMapping("/api/offers")
public class OfferController {

    public record OfferLine(long id, String title, String state, String stateLabel, LocalDate startDate, Integer placesAvailable,
                            boolean online, LocalDate leavesCatalogueOn) {
    }

    /** The organisation's listing; {@code potentialProblems}: what keeps its potential from being validated (empty when complete). */
    public record Listing(String organisation, LocalDate revalidatedOn, LocalDate reminderOn, LocalDate withdrawalOn,
                          boolean withdrawn, TrainingPotential potential, List<String> potentialProblems, List<OfferLine> offers) {
    }

    private final Offers offers;
    private final Revalidations revalidations;
    private final OrganisationAdmin organisations;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OfferController(Offers offers, Revalidations revalidations, OrganisationAdmin organisations, CurrentUser currentUser,
                           Clock clock) {
        this.clock = clock;
        this.offers = offers;
        this.revalidations = revalidations;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Mes offres au catalogue et l'échéance de revalidation de ma fiche")
    public Listing mine() {
        return listing(organisations.mine());
    }

    @PostMapping("/{id}/change-request")
    @Operation(summary = "Modifier une offre publiée (dates, places disponibles) : nouvelle validation, la version publiée reste en ligne")
    public OfferLine requestChange(@PathVariable long id) {
        TrainingOffer offer = offers.get(id);
        if (!currentUser.isIn(offer.getOrganisation().getGroupId())) {
            throw new NotFoundException("L'offre n° " + id + " n'existe pas.");
        }
        return line(offers.requestChange(id));
    }

    @PutMapping("/potential")
    @Operation(summary = "Enregistrer mon potentiel de formation : présentation, domaines (Formacodes), lieux, accessibilité, contact inscriptions, formateurs")
    public Listing savePotential(@RequestBody(required = false) TrainingPotential potential) {
        Organisation organisation = organisations.mine();
        revalidations.savePotential(organisation, potential);
        return listing(organisation);
    }

    @PostMapping("/revalidation")
    @Operation(summary = "Valider mon potentiel de formation : les offres de l'organisme restent (ou reviennent) au catalogue pour 12 mois")
    public Listing revalidate() {
        Organisation organisation = organisations.mine();
        revalidations.validatePotential(organisation);
        return listing(organisation);
    }

    private Listing listing(Organisation organisation) {
        OrganisationListing listing = revalidations.listing(organisation);
        List<OfferLine> lines = offers.of(organisation).stream().map(this::line).toList();
        if (listing == null) {
            TrainingPotential empty = TrainingPotential.empty();
            return new Listing(organisation.getName(), null, null, null, false, empty, empty.problems(), lines);
        }
        return new Listing(organisation.getName(), listing.getRevalidatedOn(), listing.reminderDate(), listing.withdrawalDate(),
                listing.isWithdrawn(), listing.getPotential(), listing.getPotential().problems(), lines);
    }

    private OfferLine line(TrainingOffer offer) {
        var online = offers.publishedVersion(offer.getId());
        return new OfferLine(offer.getId(), offer.getDraft().title(), offer.getState().name(), offer.getState().label(),
                offer.getDraft().startDate(), offer.getDraft().placesAvailable(),
                online.map(p -> p.listedOn(clock.today())).orElse(false),
                online.map(PublishedOffer::getLeavesCatalogueOn).orElse(null));
    }
}
