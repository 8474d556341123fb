package fr.formaflow.process;

import fr.formaflow.dossier.TrainingActionRepository.Route;
import fr.formaflow.process.delegates.DossierRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Grants a dossier's process instance and history to its organisation's and funder's groups, and to the CFAs the
 * organisation delegated its dossiers to; to nobody else.
 */
@Configuration
public class DossierAccessGrants {

    /** The start listener of a dossier's process ({@code ${grantDossierAccess}}): runs as the engine, not as the user. */
    @Bean
    ExecutionListener grantDossierAccess(DelegationAccess delegations, DossierRouting routing) {
        return execution -> {
            // a dossier's groups come from the domain; an apprenticeship contract's were set by Formaflow when it started it
            Optional<Route> dossier = routing.find(execution);
            String organisationGroup = dossier.map(Route::organisationGroup).orElse((String) execution.getVariable("organisationGroup"));
            String funderGroup = dossier.map(Route::funderGroup).orElse((String) execution.getVariable("funderGroup"));
            List<String> groups = new ArrayList<>(List.of(organisationGroup, funderGroup));
            groups.addAll(delegations.delegateGroups(organisationGroup));
            groups.forEach(group -> delegations.grantInstance(group, execution.getProcessInstanceId(), true));
        };
    }

}
