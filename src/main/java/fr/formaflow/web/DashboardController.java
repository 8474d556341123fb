package fr.formaflow.web;

import fr.formaflow.process.monitoring.Dashboard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The figures of tableau-de-bord.html. */
@RestController
@Tag(name = "Tableau de bord", description = "Chiffres en direct pour les opérateurs")
public class DashboardController {

    private final Dashboard dashboard;

    public DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Dossiers par phase et par financeur, tâches en retard par étape, factures en attente, incidents (opérateurs)")
    public Dashboard.Figures figures() {
        return dashboard.figures();
    }
}
