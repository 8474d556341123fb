package fr.formaflow.dossier;

import fr.formaflow.compliance.FunderChecklists;
import fr.formaflow.organisation.Delegations;
import fr.formaflow.platform.FormValues;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The task listener of every user task ({@code ${taskForms}}). On creation it fills the task-local variables
 * its form shows (the dossier summary, past rejection reasons, the step's own values) and sets the due date;
 * on completion it hands the submitted values to the form's {@link TaskStep}. Submitted values stay local to
 * the task, so business data never piles up in process variables.
 */
@Component("taskForms")
public class TaskForms implements TaskListener {

    private final Map<String, TaskStep> steps;
    private final DossierSummaries summaries;
    private final DueDates dueDates;
    private final Delegations delegations;
    private final FunderChecklists checklists;
    private final DossierRouting routing;

    public TaskForms(List<TaskStep> steps, DossierSummaries summaries, DueDates dueDates, Delegations delegations,
                     FunderChecklists checklists, DossierRouting routing) {
        this.routing = routing;
        this.checklists = checklists;
        this.delegations = delegations;
        this.steps = steps.stream().collect(Collectors.toMap(TaskStep::formId, Function.identity()));
        this.summaries = summaries;
        this.dueDates = dueDates;
    }

    @Override
    public void notify(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        Map<String, String> properties = properties(element);
        long dossierId = routing.dossierId(task);
        StepContext context = new StepContext(dossierId, task, properties.get("step"), properties.get("decides"));
        TaskStep step = steps.get(element.getCamundaFormRef());
        if (step == null) {
            throw new IllegalStateException("No TaskStep serves form " + element.getCamundaFormRef());
        }
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, properties, context, step);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            step.complete(context, new FormValues(task.getVariablesLocal()));
        }
    }

    private void created(DelegateTask task, Map<String, String> properties, StepContext context, TaskStep step) {
        String phase = properties.get("phase");
        if (phase != null) {
            summaries.enterPhase(context.dossierId(), DossierPhase.valueOf(phase));
        }
        Map<String, Object> variables = new HashMap<>();
        String checklist = context.step() == null ? null : checklists.text(summaries.dossier(context.dossierId()), context.step());
        String summary = summaries.summary(context.dossierId());
        variables.put("summary", checklist == null ? summary : summary + "\n\n" + checklist);
        variables.put("rejections", summaries.rejections(context.dossierId(), rejectionStep(context)));
        variables.putAll(step.prefill(context));
        task.setVariablesLocal(variables);
        delegations.shareWithDelegates(task, routing.organisationGroup(task.getExecution()));
        String due = properties.get("due");
        if (due != null) {
            dueDates.of(due, task).ifPresent(date -> task.setDueDate(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant())));
        }
    }

    /** Monthly steps keep their rejections per month: "MONTH:2026-03". */
    static String rejectionStep(StepContext context) {
        Object month = context.task().getVariable("month");
        return "MONTH".equals(context.step()) && month != null ? "MONTH:" + month : context.step();
    }

    private static Map<String, String> properties(UserTask element) {
        Map<String, String> properties = new HashMap<>();
        if (element.getExtensionElements() != null) {
            for (CamundaProperties group : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : group.getCamundaProperties()) {
                    properties.put(property.getCamundaName(), property.getCamundaValue());
                }
            }
        }
        return properties;
    }
}
