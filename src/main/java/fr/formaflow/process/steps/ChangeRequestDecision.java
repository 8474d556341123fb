package fr.formaflow.process.steps;

import fr.formaflow.dossier.ChangeRequest;
import fr.formaflow.dossier.ChangeRequests;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.StepDecision;
import org.springframework.stereotype.Component;

/** A funder's decision on a change request: a date change, or a trainee or trainer change after opening. */
@Component
public class ChangeRequestDecision implements StepDecision {

    private final DossierService dossiers;
    private final ChangeRequests changeRequests;

    public ChangeRequestDecision(DossierService dossiers, ChangeRequests changeRequests) {
        this.dossiers = dossiers;
        this.changeRequests = changeRequests;
    }

    @Override
    public String key() {
        return "CHANGE_REQUEST";
    }

    @Override
    public String details(StepContext context) {
        ChangeRequest request = request(context);
        TrainingAction action = dossiers.get(context.dossierId());
        StringBuilder text = new StringBuilder("Demande : ").append(request.getKind().label()).append('\n');
        if (request.getKind() == ChangeRequest.Kind.START_DATE) {
            text.append("Date de début prévue : ").append(French.date(action.getPlannedStart()))
                    .append(" → date demandée : ").append(French.date(request.getRequestedDate())).append('\n');
        } else if (request.getKind() == ChangeRequest.Kind.END_DATE) {
            text.append("Date de fin prévue : ").append(French.date(action.getPlannedEnd()))
                    .append(" → date demandée : ").append(French.date(request.getRequestedDate())).append('\n');
        }
        return text.append("Motif de l'organisme : ").append(request.getDescription()).toString();
    }

    @Override
    public void decide(StepContext context, boolean approved, String reason) {
        Long id = context.variable("changeRequestId") instanceof Number n ? n.longValue() : request(context).getId();
        changeRequests.decideChangeRequest(context.dossierId(), id, approved, reason, context.userId());
    }

    private ChangeRequest request(StepContext context) {
        return changeRequests.pendingRequest(context.dossierId());
    }
}
