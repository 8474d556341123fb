package fr.formaflow.compliance;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contrôle de cohérence")
public class ConsistencyController {

    private final ConsistencyCheck consistency;
    private final DossierService dossiers;
    private final DossierAccess access;

    public ConsistencyController(ConsistencyCheck consistency, DossierService dossiers, DossierAccess access) {
        this.consistency = consistency;
        this.dossiers = dossiers;
        this.access = access;
    }

    @GetMapping("/api/dossiers/{id}/consistency")
    @Transactional(readOnly = true)
    @Operation(summary = "Contrôler la cohérence du dossier (heures, émargements, jours fériés, fiche de l'organisme, pièces) : "
            + "points bloquants et points d'attention")
    public List<Finding> check(@PathVariable long id) {
        return consistency.check(access.requireVisible(dossiers.get(id)));
    }
}
