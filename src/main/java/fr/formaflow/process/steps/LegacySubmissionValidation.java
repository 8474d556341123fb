package fr.formaflow.process.steps;

import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The submission's validation of dossiers started before step-validation.bpmn: their task still shows
 * forms/validate-submission.form (choices written in the form), and is decided as every validation is.
 */
@Component
class LegacySubmissionValidation implements TaskStep {

    private final ValidationStep validation;

    LegacySubmissionValidation(ValidationStep validation) {
        this.validation = validation;
    }

    @Override
    public String formId() {
        return "validate-submission";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return Map.of(); // its form writes its own choices and shows no details
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        validation.complete(context, form);
    }
}
