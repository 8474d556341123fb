package fr.formaflow.process.steps;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The two decisions of the onboarding process (form review-account-request): a refusal needs a reason, which is
 * e-mailed to the requester. The decision is routed to the process's gateway.
 */
@Component
public class AccountRequestReview implements TaskStep {

    @Override
    public String formId() {
        return "review-account-request";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Object> form = new HashMap<>();
        form.put("decision", null);
        form.put("reason", null);
        return form;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        String decision = form.choice("decision", "Choisissez « Accepter » ou « Refuser ».", "APPROVE", "REJECT");
        String reason = form.string("reason");
        boolean approved = "APPROVE".equals(decision);
        if (!approved && reason == null) {
            throw new BusinessRuleException("Indiquez le motif du refus : il sera envoyé au demandeur.");
        }
        context.route("approved", approved);
        context.route("refusalReason", approved ? null : reason);
    }
}
