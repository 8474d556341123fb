package fr.formaflow.security;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Grants a dossier's process instance and history to its organisation's and funder's groups, and to nobody else. */
@Configuration
public class DossierAccessGrants {

    /** The start listener of a dossier's process ({@code ${grantDossierAccess}}): runs as the engine, not as the user. */
    @Bean
    ExecutionListener grantDossierAccess(GroupAuthorizations authorizations) {
        return execution -> {
            for (String group : new String[] {(String) execution.getVariable("organisationGroup"), (String) execution.getVariable("funderGroup")}) {
                authorizations.grant(group, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
                authorizations.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(), HistoricProcessInstancePermissions.READ);
            }
        };
    }


}
