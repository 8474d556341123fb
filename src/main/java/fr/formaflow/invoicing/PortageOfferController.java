package fr.formaflow.invoicing;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A portage platform's offers and their fee grids; « l'offre qui vous correspond »; the offer chosen for a dossier. */
@RestController
@Tag(name = "Facturation", description = "Offres de la plateforme de portage")
public class PortageOfferController {

    public record TierLine(Long upToCents, BigDecimal percent) {
    }

    public record OfferLine(String code, String name, List<String> included, int minTrainees, Integer maxTrainees, long minimumFeeCents,
                            List<TierLine> tiers, String grid) {
    }

    public record ProposalLine(OfferLine offer, boolean fits, String whyNot, BigDecimal percent, long feeCents, boolean recommended,
                               boolean chosen) {
    }

    public record Choice(String code) {
    }

    private final PortageService portage;
    private final FunderRepository funders;
    private final DossierService dossiers;
    private final DossierAccess access;

    public PortageOfferController(PortageService portage, FunderRepository funders, DossierService dossiers, DossierAccess access) {
        this.portage = portage;
        this.funders = funders;
        this.dossiers = dossiers;
        this.access = access;
    }

    @GetMapping("/api/funders/{code}/portage-offers")
    @Transactional(readOnly = true)
    @Operation(summary = "Les offres d'une plateforme de portage : ce qu'elles comprennent, à qui elles s'adressent, leur grille de frais")
    public List<OfferLine> offers(@PathVariable String code) {
        return portage.offersOf(platform(code)).stream().map(o -> line(o.rules())).toList();
    }

    @GetMapping("/api/funders/{code}/portage-offers/match")
    @Transactional(readOnly = true)
    @Operation(summary = "« L'offre qui vous correspond » : chaque offre pour ce nombre de stagiaires et ce montant HT (amount=3000,00), "
            + "ses frais, et l'offre recommandée")
    public List<ProposalLine> match(@PathVariable String code, @RequestParam(required = false) String trainees,
                                    @RequestParam(required = false) String amount) {
        FormValues values = new FormValues(Map.of("trainees", trainees == null ? "" : trainees, "amount", amount == null ? "" : amount));
        BigDecimal count = values.decimal("trainees", "Nombre de stagiaires");
        Long cents = values.cents("amount", "Montant de la formation HT");
        if (count == null || cents == null || count.stripTrailingZeros().scale() > 0 || count.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new BusinessRuleException("Indiquez le nombre de stagiaires (un entier) et le montant de la formation HT pour trouver "
                    + "l'offre qui vous correspond.");
        }
        List<PortageOffers.Offer> offers = portage.offersOf(platform(code)).stream().map(PortageOffer::rules).toList();
        return PortageOffers.propose(offers, new PortageOffers.Situation(count.intValueExact(), cents)).stream()
                .map(p -> proposal(p, null)).toList();
    }

    @GetMapping("/api/dossiers/{id}/portage-offers")
    @Transactional(readOnly = true)
    @Operation(summary = "Les offres de la plateforme pour ce dossier (ses stagiaires et son prix) : l'offre qui lui correspond et l'offre "
            + "choisie ; aucune pour un dossier qui n'est pas en portage")
    public List<ProposalLine> forDossier(@PathVariable long id) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        if (action.getFunder().getScheme() != FundingScheme.PORTAGE) {
            return List.of();
        }
        String chosen = portage.chosenOffer(action).map(PortageOffer::getCode).orElse(null);
        return portage.proposals(action).stream().map(p -> proposal(p, chosen)).toList();
    }

    @PutMapping("/api/dossiers/{id}/portage-offer")
    @Transactional
    @Operation(summary = "Choisir l'offre de la plateforme pour ce dossier (organisme) : sa grille donne les frais de prestation")
    public OfferLine choose(@PathVariable long id, @RequestBody Choice choice) {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        return line(portage.chooseOffer(action, choice == null ? null : choice.code()).rules());
    }

    private Funder platform(String code) {
        return funders.findByCode(code).filter(f -> f.getScheme() == FundingScheme.PORTAGE)
                .orElseThrow(() -> new NotFoundException("Aucune plateforme de portage n'a le code « " + code + " »."));
    }

    private static ProposalLine proposal(PortageOffers.Proposal p, String chosen) {
        return new ProposalLine(line(p.offer()), p.fits(), p.whyNot(), p.percent(), p.feeCents(), p.recommended(),
                p.offer().code().equals(chosen));
    }

    private static OfferLine line(PortageOffers.Offer o) {
        return new OfferLine(o.code(), o.name(), Arrays.stream(o.included().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                o.minTrainees(), o.maxTrainees(), o.minimumFeeCents(),
                o.tiers().stream().map(t -> new TierLine(t.upToCents(), t.percent())).toList(), PortageOffers.describe(o));
    }
}
