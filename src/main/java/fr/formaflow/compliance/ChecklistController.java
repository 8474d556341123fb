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
public class ChecklistController {

    private final FunderChecklists checklists;
    private final DossierService dossiers;
    private final DossierAccess access;

    public ChecklistController(FunderChecklists checklists, DossierService dossiers, DossierAccess access) {
        this.checklists = checklists;
        this.dossiers = dossiers;
        this.access = access;
    }

    @GetMapping("/api/dossiers/{id}/checklist")
    @Transactional(readOnly = true)
    @Operation(summary = "Ce que le financeur demande à chaque étape du dossier, et ce qui est déjà là")
    public List<FunderChecklists.StepChecklist> checklist(@PathVariable long id) {
        return checklists.of(access.requireVisible(dossiers.get(id)));
    }
}
