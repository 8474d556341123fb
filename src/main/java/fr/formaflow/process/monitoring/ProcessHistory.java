package fr.formaflow.process.monitoring;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * What the engine's history says about a process, for operators (web/OperatorAuditController): the instance, and each
 * completed step with who decided what and why (Cockpit's community edition keeps no history view).
 */
@Service
public class ProcessHistory {

    public record Instance(String id, String businessKey) {
    }

    public record StepLine(String task, String completedBy, LocalDateTime completedAt, String decision, String reason) {
    }

    private static final Map<String, String> DECISIONS = Map.of(
            "APPROVE", "Validé",
            "REJECT", "Renvoyé pour correction",
            "REFUSE", "Refusé");

    private final HistoryService history;

    public ProcessHistory(HistoryService history) {
        this.history = history;
    }

    /** The latest training-dossier instance of a contract number, running or ended. */
    public Optional<String> dossierInstance(String contractNumber) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("trainingDossier")
                .processInstanceBusinessKey(contractNumber.strip().toUpperCase(Locale.ROOT))
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().map(HistoricProcessInstance::getId);
    }

    public Optional<Instance> instance(String processInstanceId) {
        return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult())
                .map(instance -> new Instance(instance.getId(), instance.getBusinessKey()));
    }

    /**
     * Each completed task of the instance, or of every process of the business key when it is a dossier's (its steps are
     * spread over its monthly declarations, surveys and change requests), with the decision and reason its form recorded.
     */
    public List<StepLine> completedSteps(Instance instance, boolean wholeBusinessKey) {
        List<HistoricTaskInstance> tasks = (wholeBusinessKey
                ? history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(instance.businessKey())
                : history.createHistoricTaskInstanceQuery().processInstanceId(instance.id()))
                .finished().orderByHistoricTaskInstanceEndTime().asc().list();
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (!tasks.isEmpty()) {
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                    .taskIdIn(tasks.stream().map(HistoricTaskInstance::getId).toArray(String[]::new))
                    .variableNameIn("decision", "reason").disableBinaryFetching().disableCustomObjectDeserialization().list()) {
                values.computeIfAbsent(variable.getTaskId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
            }
        }
        List<StepLine> steps = new ArrayList<>();
        for (HistoricTaskInstance task : tasks) {
            if (!"completed".equals(task.getDeleteReason())) {
                continue; // cancelled by a timer or a boundary event: nobody decided anything
            }
            Map<String, Object> own = values.getOrDefault(task.getId(), Map.of());
            Object decision = own.get("decision");
            Object reason = own.get("reason");
            steps.add(new StepLine(task.getName(), completedBy(task), local(task.getEndTime()),
                    decision == null ? null : DECISIONS.getOrDefault(decision.toString(), decision.toString()),
                    reason == null || reason.toString().isBlank() ? null : reason.toString()));
        }
        steps.sort(Comparator.comparing(StepLine::completedAt));
        return steps;
    }

    /** Who completed the task: its assignee, or (a form submitted without claiming) the user the engine logged. */
    private String completedBy(HistoricTaskInstance task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
