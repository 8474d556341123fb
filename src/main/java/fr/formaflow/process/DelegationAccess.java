package fr.formaflow.process;

import fr.formaflow.organisation.Delegations;
import fr.formaflow.security.AsSystem;
import fr.formaflow.security.GroupAuthorizations;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a delegation (organisation/Delegations) means in the engine: the CFA's group becomes a candidate of the
 * delegating organisation's tasks and may read its process instances and their history, from the acceptance until the
 * end, when every grant is taken back at once. The review task's candidates ({@code ${delegationAccess.reviewers(execution)}}
 * in delegation-request.bpmn) come from the domain.
 */
@Component("delegationAccess")
public class DelegationAccess {

    private final Delegations delegations;
    private final GroupAuthorizations authorizations;
    private final AuthorizationService authorizationService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AsSystem asSystem;

    DelegationAccess(Delegations delegations, GroupAuthorizations authorizations, AuthorizationService authorizationService,
                     HistoryService historyService, TaskService taskService, RuntimeService runtimeService,
                     IdentityService identityService, AsSystem asSystem) {
        this.delegations = delegations;
        this.authorizations = authorizations;
        this.authorizationService = authorizationService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.asSystem = asSystem;
    }

    /** The delegation a process instance is about: its id was set by Formaflow when it started the process. */
    public static long delegationId(DelegateExecution execution) {
        return ((Number) execution.getVariable("delegationId")).longValue();
    }

    public String reviewers(DelegateExecution execution) {
        return delegations.reviewers(delegationId(execution));
    }

    /** The groups of the CFAs that manage this organisation's dossiers by an active delegation. */
    List<String> delegateGroups(String organisationGroup) {
        return delegations.delegateGroups(organisationGroup);
    }

    /** Called when an organisation's task is created: the CFAs managing its dossiers by delegation work on it too. */
    void shareWithDelegates(DelegateTask task, String organisationGroup) {
        if (organisationGroup != null && task.getCandidates().stream().anyMatch(link -> organisationGroup.equals(link.getGroupId()))) {
            task.addCandidateGroups(delegations.delegateGroups(organisationGroup));
        }
    }

    /** Called when a task is completed: a completion by a CFA acting for the organisation is recorded with both names. */
    void recordIfDelegated(DelegateTask task, String organisationGroup, String userId) {
        if (organisationGroup == null || userId == null) {
            return;
        }
        // the completing user's authentication already holds their groups (the REST filters read them from the identity service)
        Authentication current = identityService.getCurrentAuthentication();
        List<String> userGroups = current != null && userId.equals(current.getUserId()) && current.getGroupIds() != null
                ? current.getGroupIds()
                : asSystem.call(() -> identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        delegations.recordIfDelegated(organisationGroup, userId, userGroups, task.getId(), task.getName(), businessKey);
    }

    @EventListener
    void accepted(Delegations.Accepted accepted) {
        asSystem.run(() -> {
            for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                    .variableValueEquals("organisationGroup", accepted.delegatingGroup()).list()) {
                grantInstance(accepted.delegateGroup(), instance.getId(), instance.getEndTime() == null);
            }
            taskService.createTaskQuery().taskCandidateGroup(accepted.delegatingGroup()).list()
                    .forEach(task -> taskService.addCandidateGroup(task.getId(), accepted.delegateGroup()));
        });
    }

    /**
     * Takes back everything {@link #accepted} and later task creations gave the delegate: its candidacy on the
     * delegating organisation's tasks and the task authorizations the engine created with it, the tasks its users
     * claimed (back to the organisation's queue), and its authorizations on the processes and their history.
     */
    @EventListener
    void ended(Delegations.Ended ended) {
        asSystem.run(() -> {
            if (ended.wasActive()) {
                revoke(ended.delegatingGroup(), ended.delegateGroup());
            }
            if (ended.processInstanceId() != null) {
                runtimeService.createMessageCorrelation(Delegations.ENDED).processInstanceId(ended.processInstanceId())
                        .correlateAllWithResult();
            }
        });
    }

    private void revoke(String delegatingGroup, String delegateGroup) {
        List<String> delegateUsers = identityService.createUserQuery().memberOfGroup(delegateGroup).list().stream().map(User::getId).toList();
        List<String> delegatingUsers = identityService.createUserQuery().memberOfGroup(delegatingGroup).list().stream().map(User::getId).toList();
        for (Task task : taskService.createTaskQuery().taskCandidateGroup(delegatingGroup).includeAssignedTasks().list()) {
            taskService.deleteCandidateGroup(task.getId(), delegateGroup);
            revokeResource(List.of(delegateGroup), null, Resources.TASK, task.getId());
            if (task.getAssignee() != null && delegateUsers.contains(task.getAssignee()) && !delegatingUsers.contains(task.getAssignee())) {
                taskService.setAssignee(task.getId(), null);
                revokeResource(null, task.getAssignee(), Resources.TASK, task.getId());
            }
        }
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .variableValueEquals("organisationGroup", delegatingGroup).list()) {
            revokeResource(List.of(delegateGroup), null, Resources.PROCESS_INSTANCE, instance.getId());
            revokeResource(List.of(delegateGroup), null, Resources.HISTORIC_PROCESS_INSTANCE, instance.getId());
        }
    }

    private void revokeResource(List<String> groups, String userId, Resource resource, String resourceId) {
        var query = authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
        query = groups != null ? query.groupIdIn(groups.toArray(String[]::new)) : query.userIdIn(userId);
        for (Authorization authorization : query.list()) {
            authorizationService.deleteAuthorization(authorization.getId());
        }
    }

    void grantInstance(String group, String processInstanceId, boolean running) {
        if (running) {
            authorizations.grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        }
        authorizations.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }
}
