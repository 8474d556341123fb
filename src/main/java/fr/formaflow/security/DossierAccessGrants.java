package fr.formaflow.security;

import fr.formaflow.organisation.Delegations;
import java.util.ArrayList;
import java.util.List;
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
    ExecutionListener grantDossierAccess(Delegations delegations) {
        return execution -> {
            String organisationGroup = (String) execution.getVariable("organisationGroup");
            List<String> groups = new ArrayList<>(List.of(organisationGroup, (String) execution.getVariable("funderGroup")));
            groups.addAll(delegations.delegateGroups(organisationGroup));
            groups.forEach(group -> delegations.grantInstance(group, execution.getProcessInstanceId(), true));
        };
    }

}
