package fr.formaflow.process;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A dossier's open tasks, for the pages beside Tasklist: read as the user, under the engine's authorizations, or, for the
 * organisation's own, after the caller's check that the user acts for it.
 */
@Service
public class OpenTasks {

    public record OpenTask(String id, String name, String assignee, Date due) {
    }

    private final TaskService taskService;
    private final String organisationTasksSql;

    public OpenTasks(TaskService taskService, ManagementService management) {
        this.taskService = taskService;
        this.organisationTasksSql = "select distinct RES.* from " + management.getTableName(Task.class) + " RES"
                + " join " + management.getTableName(ExecutionEntity.class) + " E on E.ID_ = RES.PROC_INST_ID_"
                + " join " + management.getTableName(IdentityLinkEntity.class) + " I on I.TASK_ID_ = RES.ID_"
                + " where E.BUSINESS_KEY_ = #{businessKey} and I.TYPE_ = 'candidate' and I.GROUP_ID_ = #{group}"
                + " order by RES.CREATE_TIME_ desc";
    }

    /** Every open task of the dossier's processes that the user may see. */
    public List<OpenTask> of(String contractNumber) {
        return taskService.createTaskQuery().processInstanceBusinessKey(contractNumber).list().stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), t.getDueDate())).toList();
    }

    /**
     * The organisation's open tasks of the dossier, claimed or not, latest first. For callers that already checked the
     * user acts for the organisation: the tasks are those offered to its group, which its users may all see. Its own
     * statement, not the engine's task query: each document upload asks, and the task query's dynamic SQL took about
     * two thirds of its time to build (a recording of the HTTP load).
     */
    public List<OpenTask> ofOrganisation(String contractNumber, String organisationGroup) {
        return taskService.createNativeTaskQuery().sql(organisationTasksSql)
                .parameter("businessKey", contractNumber).parameter("group", organisationGroup).list().stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), t.getDueDate())).toList();
    }
}
