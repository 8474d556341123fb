package fr.formaflow.process;

/** What a funder's validation decides besides the step itself (the "decides" property of its task). */
public interface StepDecision {

    /** The value of the task's "decides" property. */
    String key();

    /** What the validator must look at, shown above the decision (null when nothing more). */
    String details(StepContext context);

    void decide(StepContext context, boolean approved, String reason);
}
