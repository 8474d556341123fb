package fr.formaflow.process;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/** A dossier's open tasks, for the pages beside Tasklist: read as the user, under the engine's authorizations. */
@Service
public class OpenTasks {

    public record OpenTask(String id, String name, String assignee, Date due) {
    }

    private final TaskService taskService;

    public OpenTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    /** Every open task of the dossier's processes that the user may see. */
    public List<OpenTask> of(String contractNumber) {
        return taskService.createTaskQuery().processInstanceBusinessKey(contractNumber).list().stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), t.getDueDate())).toList();
    }

    /** The organisation's open tasks of the dossier, claimed or not, latest first. */
    public List<OpenTask> ofOrganisation(String contractNumber, String organisationGroup) {
        return taskService.createTaskQuery().processInstanceBusinessKey(contractNumber).taskCandidateGroup(organisationGroup)
                .includeAssignedTasks().orderByTaskCreateTime().desc().list().stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), t.getDueDate())).toList();
    }
}
