package fr.formaflow.process;

import fr.formaflow.platform.FormValues;
import java.util.Map;

/**
 * What one Camunda Form shows and does: the values it is pre-filled with when its task is created, and
 * what the submitted values change in the domain when the task is completed. A step reads the form, checks its
 * rules (a pure rules class of the capability that owns the concept, e.g. MonthDeclarationRules, ClosureRules) before
 * anything is written, then calls its capability's service to write, and sets routing variables.
 */
public interface TaskStep {

    /** The id of the form (forms/&lt;id&gt;.form) this step serves. */
    String formId();

    /** Task-local variables shown by the form: every key the form submits must be here, even if null. */
    Map<String, Object> prefill(StepContext context);

    /** Applies the submitted form; a BusinessRuleException refuses the completion with a French message. */
    void complete(StepContext context, FormValues form);
}
