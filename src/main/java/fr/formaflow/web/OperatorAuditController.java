package fr.formaflow.web;

import fr.formaflow.documents.DocumentService;
import fr.formaflow.dossier.RejectionRepository;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What operators read in Cockpit's « Historique du dossier » tab (Cockpit's community edition keeps no history view):
 * the dossier behind a process instance, every completed step with who decided what and why, the funders' rejections,
 * the documents and the invoices. Operators only (group camunda-admin): organisations and funders read their dossiers on
 * their own pages.
 */
@RestController
@Tag(name = "Opérateurs", description = "Suivi des processus dans Cockpit")
public class OperatorAuditController {

    static final String OPERATORS_ONLY = "L'historique des processus est réservé aux opérateurs.";

    public record StepLine(String task, String completedBy, LocalDateTime completedAt, String decision, String reason) {
    }

    /** gross: the amount with tax, formatted in French from its cents (« 1 470,00 € »), so no page does arithmetic on money. */
    public record InvoiceLine(String number, String kind, String status, String months, long grossCents, String gross,
                              String rejectionReason) {
    }

    public record AuditTrail(String processInstanceId, String businessKey, String contractNumber, String title, String organisation,
                             String funder, String phase, List<StepLine> steps, List<DossierController.RejectionLine> rejections,
                             List<DocumentController.DocumentLine> documents, List<InvoiceLine> invoices) {
    }

    private static final Map<String, String> DECISIONS = Map.of(
            "APPROVE", "Validé",
            "REJECT", "Renvoyé pour correction",
            "REFUSE", "Refusé");

    private final CurrentUser currentUser;
    private final HistoryService history;
    private final TrainingActionRepository actions;
    private final RejectionRepository rejections;
    private final DocumentService documents;
    private final InvoiceService invoices;

    public OperatorAuditController(CurrentUser currentUser, HistoryService history, TrainingActionRepository actions,
                                   RejectionRepository rejections, DocumentService documents, InvoiceService invoices) {
        this.currentUser = currentUser;
        this.history = history;
        this.actions = actions;
        this.rejections = rejections;
        this.documents = documents;
        this.invoices = invoices;
    }

    @GetMapping("/api/operator/dossiers/{contractNumber}/audit")
    @Transactional(readOnly = true)
    @Operation(summary = "Historique d'un dossier, en cours ou terminé, par son numéro de contrat (opérateurs)")
    public AuditTrail auditOfDossier(@PathVariable String contractNumber) {
        requireOperator();
        // Cockpit's community edition opens running instances only: a closed dossier is found here, from the history
        List<HistoricProcessInstance> main = history.createHistoricProcessInstanceQuery().processDefinitionKey("trainingDossier")
                .processInstanceBusinessKey(contractNumber.strip().toUpperCase(java.util.Locale.ROOT))
                .orderByProcessInstanceStartTime().desc().listPage(0, 1);
        if (main.isEmpty()) {
            throw new NotFoundException("Aucun dossier n'a le numéro de contrat « " + contractNumber + " ».");
        }
        return audit(main.get(0).getId());
    }

    @GetMapping("/api/operator/process-instances/{processInstanceId}/audit")
    @Transactional(readOnly = true)
    @Operation(summary = "Historique d'un processus pour les opérateurs : dossier, décisions, motifs, pièces, factures")
    public AuditTrail audit(@PathVariable String processInstanceId) {
        requireOperator();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new NotFoundException("Aucun processus n'a l'identifiant « " + processInstanceId + " ».");
        }
        String businessKey = instance.getBusinessKey();
        Optional<TrainingAction> dossier = businessKey == null ? Optional.empty() : actions.findByContractNumber(businessKey);
        // a dossier's steps are spread over its monthly declarations, surveys and change requests: same business key
        List<HistoricTaskInstance> tasks = (dossier.isPresent()
                ? history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey)
                : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId))
                .finished().orderByHistoricTaskInstanceEndTime().asc().list();
        List<StepLine> steps = steps(tasks);
        if (dossier.isEmpty()) {
            return new AuditTrail(processInstanceId, businessKey, null, null, null, null, null, steps, List.of(), List.of(), List.of());
        }
        TrainingAction action = dossier.get();
        return new AuditTrail(processInstanceId, businessKey, action.getContractNumber(), action.getTitle(),
                action.getOrganisation().getName(), action.getFunder().getName(), action.getPhase().label(), steps,
                rejections.findByActionIdOrderByRejectedAtDescIdDesc(action.getId()).stream()
                        .map(r -> new DossierController.RejectionLine(r.getStep(), r.getReason(), r.getRejectedBy(), r.getRejectedAt())).toList(),
                documents.of(action).stream().map(DocumentController::line).toList(),
                invoices.of(action.getId()).stream().map(i -> new InvoiceLine(i.getNumber(), i.getKind().label(),
                        i.getStatus().label(), i.getMonths(), i.getGrossCents(), French.euros(i.getGrossCents()), i.getRejectionReason())).toList());
    }

    private void requireOperator() {
        if (!currentUser.isOperator()) {
            currentUser.id(); // anonymous: 401
            throw new AccessDeniedException(OPERATORS_ONLY);
        }
    }

    /** Each completed task with the decision and reason its form recorded (task-local values, kept by the full history). */
    private List<StepLine> steps(List<HistoricTaskInstance> tasks) {
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
                .map(UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static LocalDateTime local(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
