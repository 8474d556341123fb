package fr.formaflow.dossier;

import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Who may see a dossier: the organisation that runs it, the validators of its funder who handle it (at Formiris, those of
 * its scope only: the association territoriale's for a regional dossier, the head office's for a national one), and operators. The same
 * rule is granted to the engine (process instance and history) and checked by Formaflow's own API.
 */
@Service
public class DossierAccess {

    private final CurrentUser currentUser;
    private final TrainingActionRepository actions;

    public DossierAccess(CurrentUser currentUser, TrainingActionRepository actions) {
        this.currentUser = currentUser;
        this.actions = actions;
    }

    /** Every dossier the user may see: their organisations' and funders'; all for operators. */
    public List<TrainingAction> visibleDossiers() {
        currentUser.id();
        return currentUser.isOperator() ? actions.findAll() : actions.findVisibleTo(currentUser.groups());
    }

    public boolean canSee(TrainingAction action) {
        return currentUser.isOperator() || currentUser.isIn(action.getOrganisation().getGroupId())
                || currentUser.isIn(action.getValidatorGroupId());
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

    public boolean isFunderOf(TrainingAction action) {
        return currentUser.isIn(action.getValidatorGroupId());
    }

    public TrainingAction requireFunderOf(TrainingAction action) {
        requireVisible(action);
        if (!currentUser.isOperator() && !isFunderOf(action)) {
            throw new AccessDeniedException("Seul le financeur du dossier peut faire cette modification.");
        }
        return action;
    }
}
