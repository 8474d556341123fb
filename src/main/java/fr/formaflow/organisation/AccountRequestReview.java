package fr.formaflow.organisation;

import fr.formaflow.platform.BusinessRuleException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task listener of the two decisions of the onboarding process (form review-account-request): a refusal
 * needs a reason, which is e-mailed to the requester. The decision is routed to the process's gateway.
 */
@Component("accountRequestReview")
public class AccountRequestReview implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Map<String, Object> form = new HashMap<>();
            form.put("decision", null);
            form.put("reason", null);
            task.setVariablesLocal(form);
            return;
        }
        Object decision = task.getVariableLocal("decision");
        Object reason = task.getVariableLocal("reason");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new BusinessRuleException("Choisissez « Accepter » ou « Refuser ».");
        }
        boolean approved = "APPROVE".equals(decision);
        if (!approved && (reason == null || reason.toString().isBlank())) {
            throw new BusinessRuleException("Indiquez le motif du refus : il sera envoyé au demandeur.");
        }
        task.getExecution().setVariable("approved", approved);
        task.getExecution().setVariable("refusalReason", approved ? null : reason.toString().trim());
    }
}
