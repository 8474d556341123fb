package fr.formaflow.security;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.NotFoundException;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * Who may see a dossier: the organisation that runs it, the funder that finances it, and operators. The same
 * rule is granted to the engine (process instance and history) and checked by Formaflow's own API.
 */
@Service
public class DossierAccess {

    private final GroupAuthorizations authorizations;
    private final CurrentUser currentUser;

    public DossierAccess(GroupAuthorizations authorizations, CurrentUser currentUser) {
        this.authorizations = authorizations;
        this.currentUser = currentUser;
    }

    /** The start listener of a dossier's process ({@code ${grantDossierAccess}}): runs as the engine, not as the user. */
    @Bean
    static ExecutionListener grantDossierAccess(GroupAuthorizations authorizations) {
        return execution -> {
            for (String group : new String[] {(String) execution.getVariable("organisationGroup"), (String) execution.getVariable("funderGroup")}) {
                authorizations.grant(group, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
                authorizations.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(), HistoricProcessInstancePermissions.READ);
            }
        };
    }


    public boolean canSee(TrainingAction action) {
        return currentUser.isOperator() || currentUser.isIn(action.getOrganisation().getGroupId())
                || currentUser.isIn(action.getFunder().getValidatorGroupId());
    }

    /** Hides other organisations' dossiers as if they did not exist. */
    public TrainingAction requireVisible(TrainingAction action) {
        if (!canSee(action)) {
            throw new NotFoundException("Le dossier n° " + action.getId() + " n'existe pas.");
        }
        return action;
    }

    public TrainingAction requireOrganisationOf(TrainingAction action) {
        requireVisible(action);
        if (!currentUser.isOperator() && !currentUser.isIn(action.getOrganisation().getGroupId())) {
            throw new AccessDeniedException("Seul l'organisme de formation du dossier peut faire cette demande.");
        }
        return action;
    }
}
