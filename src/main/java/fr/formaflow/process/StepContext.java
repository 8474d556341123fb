package fr.formaflow.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The task a step works on: its dossier (null for the processes not about a dossier), its BPMN properties, and a way
 * to set routing variables.
 */
public record StepContext(Long dossierId, DelegateTask task, String step, String decides) {

    public Object variable(String name) {
        return task.getVariable(name);
    }

    /** Routing decisions go to the process instance, where the next gateway reads them. */
    public void route(String name, Object value) {
        task.getExecution().setVariable(name, value);
    }

    /** Who completes the task: the authenticated user, or the assignee when the engine is driven without one. */
    public String userId() {
        return userOf(task);
    }

    /** Who completes this task: the authenticated user, or the assignee when the engine is driven without one. */
    public static String userOf(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "système";
    }
}
