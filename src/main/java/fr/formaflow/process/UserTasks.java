package fr.formaflow.process;

import fr.formaflow.dossier.TrainingActionRepository.Route;
import fr.formaflow.platform.FormValues;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The one task listener of every user task of every process ({@link TaskBoundary} attaches it when a BPMN file is
 * parsed: the models declare no listener of their own). It finds the {@link TaskStep} of the task's form, fills the
 * form's task-local values when the task is created, and hands the submitted values — only those the form declares,
 * already checked by {@link DeclaredFieldsFormHandler} — to the step when it is completed. A step writes nothing to
 * the process but the routing results it computes ({@link StepContext#route}).
 *
 * <p>The dossier a task works on comes from the business key (through {@link DossierTasks}); the other processes'
 * subjects (an offer, a contract, an account request) from variables only Formaflow's service tasks and start write.
 */
@Component("userTasks")
public class UserTasks implements TaskListener, ShownValues.Source {

    private final Map<String, TaskStep> steps;
    private final DossierTasks dossierTasks;
    private final DelegationAccess delegations;

    public UserTasks(List<TaskStep> steps, DossierTasks dossierTasks, DelegationAccess delegations) {
        this.steps = steps.stream().collect(Collectors.toMap(TaskStep::formId, Function.identity()));
        this.dossierTasks = dossierTasks;
        this.delegations = delegations;
    }

    /** Whether a step serves this form: every form of a user task must have one. */
    public boolean serves(String formId) {
        return steps.containsKey(formId);
    }

    @Override
    public void notify(DelegateTask task) {
        TaskStep step = stepOf(task);
        StepProperties.Described described = StepProperties.of(task);
        Map<String, String> properties = described.properties();
        Optional<Route> route = dossierTasks.routeOf(task);
        StepContext context = context(task, properties, route);
        // the organisation whose delegates work on its tasks: the dossier's, or the one Formaflow started the process for
        String organisationGroup = route.map(Route::organisationGroup).orElseGet(() -> (String) task.getVariable("organisationGroup"));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (described.name() != null && !described.name().equals(task.getName())) {
                task.setName(described.name()); // the funder's validation is named after the step it validates
            }
            Map<String, Object> values = new HashMap<>();
            if (context.dossierId() != null) {
                values.putAll(dossierTasks.prepare(context, properties));
            }
            values.putAll(step.prefill(context));
            values.values().removeIf(Objects::isNull); // an empty field needs no variable: each one is four rows of history
            task.setVariablesLocal(values);
            delegations.shareWithDelegates(task, organisationGroup);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            step.complete(context, new FormValues(task.getVariablesLocal()));
            delegations.recordIfDelegated(task, organisationGroup, context.userId());
        }
    }

    @Override
    public Set<String> keys(DelegateTask task) {
        Set<String> keys = new HashSet<>(stepOf(task).shownKeys());
        if (DossierTasks.isAboutADossier(task)) {
            keys.addAll(DossierTasks.SHOWN);
        }
        return keys;
    }

    @Override
    public Map<String, Object> values(DelegateTask task) {
        Optional<Route> route = dossierTasks.routeOf(task);
        StepContext context = context(task, StepProperties.of(task).properties(), route);
        Map<String, Object> values = new HashMap<>(stepOf(task).shown(context));
        if (route.isPresent()) {
            values.putAll(dossierTasks.shown(context));
        }
        return values;
    }

    private TaskStep stepOf(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        TaskStep step = steps.get(element.getCamundaFormRef());
        if (step == null) {
            throw new IllegalStateException("No TaskStep serves form " + element.getCamundaFormRef() + " of task " + element.getId());
        }
        return step;
    }

    private static StepContext context(DelegateTask task, Map<String, String> properties, Optional<Route> route) {
        return new StepContext(route.map(Route::dossierId).orElse(null), task, properties.get("step"), properties.get("decides"));
    }
}
