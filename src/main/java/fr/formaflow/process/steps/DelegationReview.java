package fr.formaflow.process.steps;

import fr.formaflow.organisation.Delegations;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.DelegationAccess;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The delegating organisation's administrator accepts or refuses a CFA's request to manage its dossiers (form
 * review-delegation of processes/delegation-request.bpmn): a refusal needs a reason, e-mailed to both sides; an
 * acceptance grants the dossiers at once. The delegation comes from {@code delegationId}, set by Formaflow only.
 */
@Component
public class DelegationReview implements TaskStep {

    private final Delegations delegations;

    public DelegationReview(Delegations delegations) {
        this.delegations = delegations;
    }

    @Override
    public String formId() {
        return "review-delegation";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Object> form = new HashMap<>();
        form.put("request", delegations.describe(delegations.get(DelegationAccess.delegationId(context.task().getExecution()))));
        form.put("decision", null);
        form.put("reason", null);
        return form;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        String decision = form.choice("decision", "Choisissez « Accepter » ou « Refuser ».", "ACCEPT", "REFUSE");
        String reason = form.string("reason");
        boolean accepted = "ACCEPT".equals(decision);
        if (!accepted && reason == null) {
            throw new BusinessRuleException("Indiquez le motif du refus : il sera envoyé au CFA.");
        }
        if (reason != null && reason.length() > 1000) {
            throw new BusinessRuleException("Le motif du refus ne doit pas dépasser 1 000 caractères.");
        }
        delegations.decide(DelegationAccess.delegationId(context.task().getExecution()), accepted, accepted ? null : reason, context.userId());
        context.route("accepted", accepted);
    }
}
