package fr.formaflow.funder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Financeurs")
public class FunderController {

    /** scopes: the funder's dossiers are regional or national (Formiris), to be chosen at creation. */
    public record FunderLine(String code, String name, String scheme, boolean scopes) {
    }

    /** regional, national: where the questions about a regional or national dossier go (Formiris), null elsewhere. */
    public record HelpLine(String code, String name, FunderHelp help, FunderHelp regional, FunderHelp national) {
    }

    private final FunderRepository funders;

    public FunderController(FunderRepository funders) {
        this.funders = funders;
    }

    @GetMapping("/api/funders")
    @Operation(summary = "Les financeurs auprès desquels un organisme peut déposer un dossier")
    public List<FunderLine> list() {
        return funders.findAll().stream().map(f -> new FunderLine(f.getCode(), f.getName(), f.getScheme().label(), f.hasScopes())).toList();
    }

    @GetMapping("/public/funders")
    @Operation(summary = "Les financeurs auprès desquels un organisme peut demander son référencement (sans connexion)")
    public List<FunderLine> publicList() {
        return list();
    }

    @GetMapping("/public/funders/help")
    @Operation(summary = "Où trouver de l'aide, financeur par financeur : service, horaires, téléphone, e-mail, ce qu'il faut citer (sans connexion)")
    public List<HelpLine> help() {
        return funders.findAll().stream().map(f -> new HelpLine(f.getCode(), f.getName(), f.getHelp(), f.getRegionalHelp(),
                f.getNationalHelp())).toList();
    }
}
