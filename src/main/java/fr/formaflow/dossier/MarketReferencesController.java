package fr.formaflow.dossier;

import fr.formaflow.funder.FundingScheme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A Région market dossier's references: read by whoever sees the dossier, written by the Région's validators only. */
@RestController
@Tag(name = "Dossiers")
public class MarketReferencesController {

    /** applies: a Région market dossier; editable: the user is one of its funder's validators. */
    public record MarketReferencesView(boolean applies, boolean editable, MarketReferences references) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;

    public MarketReferencesController(DossierService dossiers, DossierAccess access) {
        this.dossiers = dossiers;
        this.access = access;
    }

    @GetMapping("/api/dossiers/{id}/market-references")
    @Operation(summary = "Les références du marché de la Région : appel à projet, opération Safir, marché, vote, engagement juridique, code service")
    public MarketReferencesView get(@PathVariable long id) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        return new MarketReferencesView(action.getFunder().getScheme() == FundingScheme.REGION_MARKET, access.isFunderOf(action),
                action.getMarketReferences());
    }

    @PutMapping("/api/dossiers/{id}/market-references")
    @Operation(summary = "Enregistrer les références du marché (valideurs de la Région)")
    public MarketReferences record(@PathVariable long id, @RequestBody MarketReferences references) {
        access.requireFunderOf(dossiers.get(id));
        return dossiers.recordMarketReferences(id, references);
    }
}
