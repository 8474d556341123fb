package fr.formaflow.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.compliance.FunderChecklists;
import fr.formaflow.documents.Document;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.Rejection;
import fr.formaflow.dossier.RejectionRepository;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.process.DossierContent.Section;
import fr.formaflow.security.AsSystem;
import fr.formaflow.security.CurrentUser;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a dossier's task needs beside its form, in one place, computed when the task is shown (its « Dossier »
 * panel in Tasklist): what the organisation entered, the dossier's documents (uploaded and generated) with their links,
 * the funder's checklist for the step (the only place a task shows it), the consistency warnings, and after a
 * rejection what changed since the rejected version. For the organisation's own tasks, the papers the funder asks for
 * at this step, each with the files already uploaded for it.
 * <p>
 * Access: the task must be one the user sees through the engine's authorizations (the query runs under their
 * identity), and its dossier one they may see ({@link DossierAccess}); anything else is « not found ».
 */
@Service
@Transactional(readOnly = true)
public class TaskWorkspace {

    public record Requirement(String label, boolean present) { }

    public record DocumentLine(long id, String type, String label, String filename, String trainer, LocalDateTime uploadedAt,
                               boolean generated, boolean removable, String url) { }

    /** A paper the funder asks for at this step (one per trainer for a trainer's paper), with the files uploaded for it. */
    public record Slot(String type, String label, Long trainerId, String trainer, List<DocumentLine> documents) { }

    public record Change(String label, String before, String after) { }

    public record SinceRejection(LocalDateTime rejectedAt, String reason, List<Change> changes) { }

    public record Workspace(String taskId, String taskName, long dossierId, String contractNumber, String title, boolean validation,
                            boolean organisationTask, List<Section> content, List<Requirement> checklist, List<Slot> uploads,
                            List<DocumentLine> documents, List<String> warnings, SinceRejection sinceRejection) { }

    private static final String NOT_FOUND = "Cette tâche n'existe pas ou ne vous est pas accessible.";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final TrainingActionRepository actions;
    private final DossierAccess access;
    private final CurrentUser currentUser;
    private final AsSystem asSystem;
    private final DossierContent content;
    private final FunderChecklists checklists;
    private final DocumentService documents;
    private final ConsistencyCheck consistency;
    private final RejectionRepository rejections;
    private final ObjectMapper json;
    private final StepProperties stepProperties;

    public TaskWorkspace(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService, StepProperties stepProperties,
                         TrainingActionRepository actions, DossierAccess access, CurrentUser currentUser, AsSystem asSystem,
                         DossierContent content, FunderChecklists checklists, DocumentService documents,
                         ConsistencyCheck consistency, RejectionRepository rejections, ObjectMapper json) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.actions = actions;
        this.access = access;
        this.currentUser = currentUser;
        this.asSystem = asSystem;
        this.content = content;
        this.checklists = checklists;
        this.documents = documents;
        this.consistency = consistency;
        this.rejections = rejections;
        this.json = json;
        this.stepProperties = stepProperties;
    }

    public Workspace of(String taskId) {
        currentUser.id();
        // under the user's identity: a task they may not see is not found
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            throw new NotFoundException(NOT_FOUND);
        }
        String processKey = task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
        if (!DossierTasks.DOSSIER_PROCESSES.contains(processKey)) {
            throw new NotFoundException("Cette tâche ne porte pas sur un dossier de formation.");
        }
        ProcessInstance instance = asSystem.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult());
        TrainingAction action = actions.findByContractNumber(instance.getBusinessKey()).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!access.canSee(action)) {
            throw new NotFoundException(NOT_FOUND);
        }
        UserTask element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
        String step = stepProperties.of(task).properties().get("step");
        boolean validation = element.getCamundaFormRef() != null && element.getCamundaFormRef().startsWith("validate-");
        String organisationGroup = action.getOrganisation().getGroupId();
        boolean organisationTask = currentUser.isIn(organisationGroup) && asSystem.call(() -> taskService.createTaskQuery().taskId(taskId)
                .taskCandidateGroup(organisationGroup).includeAssignedTasks().count() > 0);

        List<Section> sections = content.of(action);
        List<Document> all = documents.of(action);
        Map<Long, String> trainerNames = content.trainerNames(action);
        List<Requirement> checklist = new ArrayList<>();
        Set<DocumentType> asked = new LinkedHashSet<>();
        if (step != null) {
            for (FunderChecklists.Requirement requirement : checklists.requirements(action, step)) {
                checklist.add(new Requirement(requirement.item().label(), requirement.item().present()));
                if (requirement.document() != null && !requirement.document().generated()) {
                    asked.add(requirement.document());
                }
            }
        }
        List<Slot> uploads = new ArrayList<>();
        if (organisationTask) {
            for (DocumentType type : asked) {
                if (type.perTrainer()) {
                    for (TrainerAssignment assignment : action.getTrainers()) {
                        uploads.add(new Slot(type.name(), type.label(), assignment.trainerId(), trainerNames.get(assignment.trainerId()),
                                all.stream().filter(d -> d.getType() == type && assignment.trainerId().equals(d.getTrainerId()))
                                        .map(d -> line(action, d, taskId, true, trainerNames)).toList()));
                    }
                } else {
                    uploads.add(new Slot(type.name(), type.label(), null, null, all.stream().filter(d -> d.getType() == type)
                            .map(d -> line(action, d, taskId, true, trainerNames)).toList()));
                }
            }
        }
        List<DocumentLine> lines = all.stream().map(d -> line(action, d, taskId, organisationTask, trainerNames)).toList();
        // the validator reads the points to check (what blocks was the organisation's to fix before sending); the
        // organisation reads both, blocking first. Missing papers are the checklist's: listed once, there.
        List<String> warnings = consistency.check(action).stream().filter(f -> organisationTask || !f.isBlocking())
                .filter(f -> !f.message().startsWith(DocumentService.MISSING))
                .sorted(java.util.Comparator.comparing(f -> !f.isBlocking()))
                .map(f -> (f.isBlocking() ? "Bloquant : " : "À vérifier : ") + f.message()).toList();
        Object month = "MONTH".equals(step) ? asSystem.call(() -> taskService.getVariable(taskId, "month")) : null;
        SinceRejection since = sinceRejection(action, DossierTasks.rejectionStep(step, month), sections);
        return new Workspace(task.getId(), task.getName(), action.getId(), action.getContractNumber(), action.getTitle(), validation,
                organisationTask, sections, checklist, uploads, lines, warnings, since);
    }

    /** What the validator sees, kept with a rejection so that the next review shows what changed. */
    public String snapshot(TrainingAction action) {
        try {
            return json.writeValueAsString(DossierContent.flat(content.of(action)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SinceRejection sinceRejection(TrainingAction action, String step, List<Section> now) {
        if (step == null) {
            return null;
        }
        Rejection last = rejections.findByActionIdAndStepOrderByRejectedAtDescIdDesc(action.getId(), step).stream().findFirst().orElse(null);
        if (last == null || last.getSnapshot() == null) {
            return null;
        }
        Map<String, String> before;
        try {
            before = json.readValue(last.getSnapshot(), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rejection " + last.getId() + " keeps an unreadable snapshot", e);
        }
        Map<String, String> after = DossierContent.flat(now);
        Set<String> labels = new LinkedHashSet<>(after.keySet());
        labels.addAll(before.keySet());
        List<Change> changes = labels.stream().filter(label -> !Objects.equals(before.get(label), after.get(label)))
                .map(label -> new Change(label, before.getOrDefault(label, "—"), after.getOrDefault(label, "—"))).toList();
        return new SinceRejection(last.getRejectedAt(), last.getReason(), changes);
    }

    /** Removable: uploaded in this very task by its organisation, which has not sent it yet. */
    private static DocumentLine line(TrainingAction action, Document d, String taskId, boolean organisationTask, Map<Long, String> trainerNames) {
        return new DocumentLine(d.getId(), d.getType().name(), d.getType().label(), d.getFilename(),
                d.getTrainerId() == null ? null : trainerNames.get(d.getTrainerId()), d.getUploadedAt(), d.isGenerated(),
                organisationTask && !d.isGenerated() && taskId.equals(d.getTaskId()),
                "/api/dossiers/" + action.getId() + "/documents/" + d.getId() + "?inline=true");
    }
}
