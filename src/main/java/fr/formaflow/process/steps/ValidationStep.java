package fr.formaflow.process.steps;

import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A funder's validation of a step: approve, reject (back to the organisation) or, for a submission, refuse.
 * Every rejection or refusal needs a reason; it is kept and shown to the organisation on its next task.
 * Some validations also decide something ("decides" property): a change request, an invoice.
 */
@Component
public class ValidationStep implements TaskStep {

    public enum Decision { APPROVE, REJECT, REFUSE }

    private final ValidationDecisions decisions;
    private final ConsistencyCheck consistency;
    private final DossierService dossiers;

    public ValidationStep(ValidationDecisions decisions, ConsistencyCheck consistency, DossierService dossiers) {
        this.decisions = decisions;
        this.consistency = consistency;
        this.dossiers = dossiers;
    }

    @Override
    public String formId() {
        return "validate-step";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Object> values = new HashMap<>();
        values.put("decision", null);
        values.put("reason", null);
        String warnings = consistency.warningsFor(dossiers.get(context.dossierId()));
        String details = decisions.details(context);
        values.put("details", warnings == null ? details : details == null ? warnings : details + "\n\n" + warnings);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        Decision decision = decision(form.string("decision"));
        String reason = form.string("reason");
        if (decision == Decision.REFUSE && !"SUBMISSION".equals(context.decides())) {
            throw new BusinessRuleException("Seul le dépôt du dossier peut être refusé ; pour cette étape, choisissez « Rejeter ».");
        }
        if (decision != Decision.APPROVE && reason == null) {
            throw new BusinessRuleException("Le motif est obligatoire pour rejeter ou refuser : l'organisme le lira sur sa prochaine tâche.");
        }
        decisions.record(context, decision, reason);
        context.route("approved", decision == Decision.APPROVE);
        context.route("decision", decision.name());
    }

    private static Decision decision(String value) {
        if (value == null) {
            throw new BusinessRuleException("Choisissez une décision : valider ou rejeter.");
        }
        try {
            return Decision.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("La décision « " + value + " » n'est pas reconnue.");
        }
    }

    /** The submission's validation offers a third choice, refusal, on a form of its own. */
    @Component
    static class SubmissionValidationStep implements TaskStep {

        private final ValidationStep validation;

        SubmissionValidationStep(ValidationStep validation) {
            this.validation = validation;
        }

        @Override
        public String formId() {
            return "validate-submission";
        }

        @Override
        public Map<String, Object> prefill(StepContext context) {
            Map<String, Object> values = validation.prefill(context);
            values.remove("details");
            return values;
        }

        @Override
        public void complete(StepContext context, FormValues form) {
            validation.complete(context, form);
        }
    }
}
