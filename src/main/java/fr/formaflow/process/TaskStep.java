package fr.formaflow.process;

import fr.formaflow.platform.FormValues;
import java.util.Map;
import java.util.Set;

/**
 * What one Camunda Form shows and does: the values it is pre-filled with when its task is created, and
 * what the submitted values change in the domain when the task is completed. A step reads the form, checks its
 * rules (a pure rules class of the capability that owns the concept, e.g. MonthDeclarationRules, ClosureRules) before
 * anything is written, then calls its capability's service to write, and sets routing variables.
 */
public interface TaskStep {

    /** The id of the form (forms/&lt;id&gt;.form) this step serves. */
    String formId();

    /**
     * Task-local variables shown by the form. A null value is not stored: Tasklist submits every field of the form
     * whether a variable exists or not, and each variable costs rows of history.
     */
    Map<String, Object> prefill(StepContext context);

    /** The keys of {@link #shown}: read-only values of the form, computed when the form is read, never stored on the task. */
    default Set<String> shownKeys() {
        return Set.of();
    }

    /** What the form shows and nobody submits (texts, option lists), computed from the domain each time the form is read. */
    default Map<String, Object> shown(StepContext context) {
        return Map.of();
    }

    /** Applies the submitted form; a BusinessRuleException refuses the completion with a French message. */
    void complete(StepContext context, FormValues form);
}
