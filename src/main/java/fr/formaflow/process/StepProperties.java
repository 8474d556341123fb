package fr.formaflow.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * What a user task is about, from the BPMN: its properties ({@code step}, {@code decides}, {@code due}) and its name.
 * The funder's validation (step-validation.bpmn) is one task for every phase: it takes the step, what it decides and its
 * name from the call activity that started it ({@code stepFromCaller}), which the engine knows and no user can change.
 */
@Component
public class StepProperties {

    static final String FROM_CALLER = "stepFromCaller";
    /** The one task of step-validation.bpmn. */
    public static final String VALIDATION_TASK = "Task_Validate";

    public record Described(String name, Map<String, String> properties) {
    }

    private final ProcessEngine engine;
    private final RepositoryService repository;

    public StepProperties(ProcessEngine engine, RepositoryService repository) {
        this.engine = engine;
        this.repository = repository;
    }

    /** While the engine runs the task's listener. */
    static Described of(DelegateTask task) {
        Map<String, String> properties = of(task.getBpmnModelElementInstance());
        if (!fromCaller(properties)) {
            return new Described(task.getName(), properties);
        }
        DelegateExecution caller = task.getExecution().getProcessInstance().getSuperExecution();
        if (caller == null) {
            return new Described(task.getName(), properties); // started on its own (an operator's test in Cockpit)
        }
        return merged(properties, caller.getBpmnModelElementInstance());
    }

    /** For a task read through the API (the Tasklist panel). */
    Described of(Task task) {
        FlowElement element = repository.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
        Map<String, String> properties = of(element);
        if (!fromCaller(properties)) {
            return new Described(task.getName(), properties);
        }
        return caller(task).map(activity -> merged(properties, activity)).orElse(new Described(task.getName(), properties));
    }

    static Map<String, String> of(BaseElement element) {
        Map<String, String> properties = new HashMap<>();
        if (element != null && element.getExtensionElements() != null) {
            for (CamundaProperties group : element.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : group.getCamundaProperties()) {
                    properties.put(property.getCamundaName(), property.getCamundaValue());
                }
            }
        }
        return properties;
    }

    private Optional<FlowElement> caller(Task task) {
        String[] caller = caller(engine, task.getExecutionId());
        return caller == null ? Optional.empty()
                : Optional.ofNullable(repository.getBpmnModelInstance(caller[0]).getModelElementById(caller[1]));
    }

    /**
     * The key a dossier's open task is known by: its own, or for the funder's validation the id of the call activity that
     * asked for it ({@code CallActivity_ValidateContract}), which says which step is being validated.
     */
    public static String stepKey(ProcessEngine engine, Task task) {
        if (!VALIDATION_TASK.equals(task.getTaskDefinitionKey())) {
            return task.getTaskDefinitionKey();
        }
        String[] caller = caller(engine, task.getExecutionId());
        return caller == null ? task.getTaskDefinitionKey() : caller[1];
    }

    /** A dossier's open tasks known by this key (see {@link #stepKey}): a task definition key, or a validation's call activity. */
    public static List<Task> openTasks(ProcessEngine engine, String businessKey, String key) {
        boolean validation = key.startsWith("CallActivity_");
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(validation ? VALIDATION_TASK : key).list().stream()
                .filter(task -> !validation || key.equals(stepKey(engine, task))).toList();
    }

    /** The process definition and activity of the call activity that started the task's process, or null. */
    private static String[] caller(ProcessEngine engine, String executionId) {
        var configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
            ExecutionEntity superExecution = execution == null ? null : execution.getProcessInstance().getSuperExecution();
            return superExecution == null ? null : new String[] {superExecution.getProcessDefinitionId(), superExecution.getActivityId()};
        });
    }

    private static boolean fromCaller(Map<String, String> properties) {
        return "true".equals(properties.get(FROM_CALLER));
    }

    private static Described merged(Map<String, String> own, FlowElement activity) {
        Map<String, String> properties = new HashMap<>(own);
        properties.putAll(of(activity));
        properties.remove(FROM_CALLER);
        return new Described(activity.getName(), properties);
    }
}
