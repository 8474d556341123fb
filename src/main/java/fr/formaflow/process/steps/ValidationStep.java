package fr.formaflow.process.steps;

import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A funder's validation of a step: approve, reject (back to the organisation) or, for a submission, refuse.
 * Every rejection or refusal needs a reason; it is kept and shown to the organisation on its next task.
 * Some validations also decide something ("decides" property): a change request, an invoice.
 */
@Component
public class ValidationStep implements TaskStep {

    public enum Decision { APPROVE, REJECT, REFUSE }

    private static final String SUBMISSION = "SUBMISSION";
    /** A submission may also be refused for good; every other step is approved or sent back. */
    static final Map<String, String> SUBMISSION_OPTIONS = options("APPROVE", "Valider", "REJECT", "Renvoyer à l'organisme pour correction",
            "REFUSE", "Refuser le dossier");
    static final Map<String, String> STEP_OPTIONS = options("APPROVE", "Valider", "REJECT", "Rejeter");

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
        return Map.of();
    }

    @Override
    public Set<String> shownKeys() {
        return Set.of("decisionOptions", "details");
    }

    /** The decisions this step allows, and what the validator checks: the step's details and the dossier's inconsistencies as they are now. */
    @Override
    public Map<String, Object> shown(StepContext context) {
        Map<String, Object> values = new HashMap<>();
        boolean submission = SUBMISSION.equals(context.decides());
        values.put("decisionOptions", FormJson.options(submission ? SUBMISSION_OPTIONS : STEP_OPTIONS));
        String warnings = consistency.warningsFor(dossiers.get(context.dossierId()));
        String details = submission ? null : decisions.details(context);
        values.put("details", warnings == null ? details : details == null ? warnings : details + "\n\n" + warnings);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        Decision decision = decision(form.string("decision"));
        String reason = form.string("reason");
        if (decision == Decision.REFUSE && !SUBMISSION.equals(context.decides())) {
            throw new BusinessRuleException("Seul le dépôt du dossier peut être refusé ; pour cette étape, choisissez « Rejeter ».");
        }
        if (decision != Decision.APPROVE && reason == null) {
            throw new BusinessRuleException("Le motif est obligatoire pour rejeter ou refuser : l'organisme le lira sur sa prochaine tâche.");
        }
        decisions.record(context, decision, reason);
        context.route("approved", decision == Decision.APPROVE);
        context.route("decision", decision.name());
    }

    private static Map<String, String> options(String... valuesAndLabels) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndLabels.length; i += 2) {
            options.put(valuesAndLabels[i], valuesAndLabels[i + 1]);
        }
        return options;
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
}
