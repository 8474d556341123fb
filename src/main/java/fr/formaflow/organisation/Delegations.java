package fr.formaflow.organisation;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.security.AsSystem;
import fr.formaflow.security.DelegatedGroups;
import fr.formaflow.security.GroupAuthorizations;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegation: a CFA adds an organisation whose dossiers it manages ("ajouter un OF déléguant"). From then on the CFA's
 * group is granted the delegating organisation's dossiers in the engine (process instances, history, open and future
 * tasks) and its users act for it in Formaflow's API.
 */
@Service
@Transactional
public class Delegations implements DelegatedGroups {

    private final DelegationRepository delegations;
    private final OrganisationRepository organisations;
    private final GroupAuthorizations authorizations;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final AsSystem asSystem;

    public Delegations(DelegationRepository delegations, OrganisationRepository organisations, GroupAuthorizations authorizations,
                       HistoryService historyService, TaskService taskService, AsSystem asSystem) {
        this.delegations = delegations;
        this.organisations = organisations;
        this.authorizations = authorizations;
        this.historyService = historyService;
        this.taskService = taskService;
        this.asSystem = asSystem;
    }

    public Delegation add(Organisation delegate, String rawSiret, String userId, LocalDateTime now) {
        if (!delegate.isCfa()) {
            throw new BusinessRuleException("Seul un CFA peut ajouter un organisme déléguant.");
        }
        String problem = Siret.problemWith(rawSiret);
        if (problem != null) {
            throw new BusinessRuleException(problem);
        }
        Organisation delegating = organisations.findBySiret(Siret.of(rawSiret).value()).orElseThrow(() -> new BusinessRuleException(
                "Aucun organisme n'est référencé avec le SIRET " + Siret.of(rawSiret).formatted() + " : il doit d'abord demander son accès."));
        if (delegating.getId().equals(delegate.getId())) {
            throw new BusinessRuleException("Un organisme ne peut pas se déléguer à lui-même.");
        }
        if (delegations.existsByDelegateAndDelegating(delegate, delegating)) {
            throw new BusinessRuleException(delegating.getName() + " est déjà un organisme déléguant de " + delegate.getName() + ".");
        }
        Delegation delegation = delegations.save(new Delegation(delegate, delegating, now, userId));
        asSystem.run(() -> grantExisting(delegating.getGroupId(), delegate.getGroupId()));
        return delegation;
    }

    public List<Delegation> of(Organisation delegate) {
        return delegations.findByDelegateGroupIdIn(List.of(delegate.getGroupId()));
    }

    @Override
    public List<String> delegatingGroups(Collection<String> groupIds) {
        return delegations.findByDelegateGroupIdIn(groupIds).stream().map(d -> d.getDelegating().getGroupId()).distinct().toList();
    }

    /** The groups of the CFAs that manage this organisation's dossiers. */
    public List<String> delegateGroups(String organisationGroupId) {
        return delegations.findByDelegatingGroupId(organisationGroupId).stream().map(d -> d.getDelegate().getGroupId()).toList();
    }

    /** Called when an organisation's task is created: the CFAs managing its dossiers by delegation work on it too. */
    public void shareWithDelegates(DelegateTask task, String organisationGroup) {
        if (organisationGroup != null && task.getCandidates().stream().anyMatch(link -> organisationGroup.equals(link.getGroupId()))) {
            task.addCandidateGroups(delegateGroups(organisationGroup));
        }
    }

    private void grantExisting(String delegatingGroup, String delegateGroup) {
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .variableValueEquals("organisationGroup", delegatingGroup).list()) {
            grantInstance(delegateGroup, instance.getId(), instance.getEndTime() == null);
        }
        taskService.createTaskQuery().taskCandidateGroup(delegatingGroup).list()
                .forEach(task -> taskService.addCandidateGroup(task.getId(), delegateGroup));
    }

    public void grantInstance(String group, String processInstanceId, boolean running) {
        if (running) {
            authorizations.grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        }
        authorizations.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }
}
