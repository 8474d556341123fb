package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * « Mettre à jour les périodes »: once the funder accepted the change (seed 003 §3.1), the organisation adds, moves or
 * removes centre and company periods; pre-filled with the current ones.
 */
@Component
public class PeriodsStep implements TaskStep {

    private final DossierService dossiers;

    public PeriodsStep(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public String formId() {
        return "update-periods";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Object> values = new HashMap<>();
        values.put("periods", SubmissionStep.periodRows(dossiers.get(context.dossierId())));
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        dossiers.replacePeriods(context.dossierId(), SubmissionStep.periods(form));
    }
}
