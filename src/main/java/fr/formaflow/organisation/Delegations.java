package fr.formaflow.organisation;

import fr.formaflow.platform.Clock;
import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.AsSystem;
import fr.formaflow.security.DelegatedGroups;
import fr.formaflow.security.GroupAuthorizations;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegation ("ajouter un OF déléguant"): a CFA asks to manage another organisation's dossiers; the delegating
 * organisation's administrator accepts or refuses (processes/delegation-request.bpmn); nothing is granted before.
 * Once accepted, the CFA's group is granted the delegating organisation's dossiers in the engine (process instances,
 * history, open and future tasks) and its users act for it in Formaflow's API; every task they complete for it is
 * recorded with both organisations' names. Either side ends a request or a delegation at any time, which revokes
 * every grant at once.
 */
@Service
@Transactional
public class Delegations implements DelegatedGroups {

    public static final String PROCESS = "delegationRequest";
    /** The message that ends a pending request or an active delegation. */
    public static final String ENDED = "delegationEnded";
    private static final Set<DelegationStatus> OPEN = Set.of(DelegationStatus.PENDING, DelegationStatus.ACTIVE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Logger log = LoggerFactory.getLogger(Delegations.class);

    private final DelegationRepository delegations;
    private final DelegatedActRepository acts;
    private final OrganisationRepository organisations;
    private final GroupAuthorizations authorizations;
    private final AuthorizationService authorizationService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Notifications notifications;
    private final AsSystem asSystem;
    private final Clock clock;

    public Delegations(DelegationRepository delegations, DelegatedActRepository acts, OrganisationRepository organisations,
                       GroupAuthorizations authorizations, AuthorizationService authorizationService, HistoryService historyService,
                       TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
                       Notifications notifications, AsSystem asSystem, Clock clock) {
        this.delegations = delegations;
        this.acts = acts;
        this.organisations = organisations;
        this.authorizations = authorizations;
        this.authorizationService = authorizationService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.notifications = notifications;
        this.asSystem = asSystem;
        this.clock = clock;
    }

    /** A CFA's administrator asks to manage another organisation's dossiers: a request, nothing is granted yet. */
    public Delegation request(Organisation delegate, String rawSiret, String userId, LocalDateTime now) {
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
        Optional<Delegation> open = delegations.findFirstByDelegateAndDelegatingAndStatusIn(delegate, delegating, OPEN);
        if (open.isPresent()) {
            throw new BusinessRuleException(open.get().getStatus() == DelegationStatus.ACTIVE
                    ? delegating.getName() + " est déjà un organisme déléguant de " + delegate.getName() + "."
                    : "Une demande de délégation à " + delegating.getName() + " est déjà en attente de sa réponse.");
        }
        Delegation delegation = delegations.save(new Delegation(delegate, delegating, now, userId));
        String instanceId = asSystem.call(() -> runtimeService.startProcessInstanceByKey(PROCESS, "delegation-" + delegation.getId(),
                Map.of("delegationId", delegation.getId())).getId());
        delegation.started(instanceId);
        return delegation;
    }

    /** The delegation a process instance is about: its id was set by Formaflow when it started the process. */
    public Delegation of(DelegateExecution execution) {
        return get(((Number) execution.getVariable("delegationId")).longValue());
    }

    public Delegation get(long id) {
        return delegations.findById(id).orElseThrow(() -> new NotFoundException("Cette demande de délégation n'existe pas."));
    }

    /** The candidates of the review task: the delegating organisation's administrators, read from the domain. */
    public String reviewers(DelegateExecution execution) {
        return of(execution).getDelegating().getAdminGroupId();
    }

    /** What the delegating organisation's administrator reads before deciding. */
    public String describe(Delegation delegation) {
        Organisation cfa = delegation.getDelegate();
        return cfa.getName() + " (CFA, SIRET " + Siret.of(cfa.getSiret()).formatted() + ", " + nullToEmpty(cfa.getCity())
                + ") demande à gérer les dossiers et les contrats d'apprentissage de " + delegation.getDelegating().getName()
                + ".\nDemande faite par " + delegation.getCreatedBy() + " le " + DAY.format(delegation.getCreatedAt()) + ".\n"
                + "Si vous acceptez, les utilisateurs de " + cfa.getName() + " verront vos dossiers et pourront travailler sur leurs tâches ; "
                + "chacun de leurs actes sera enregistré à leur nom et au nom de " + cfa.getName()
                + ". Vous pourrez mettre fin à la délégation à tout moment.";
    }

    /** The administrator's decision (review-delegation form): an acceptance grants the delegating organisation's dossiers. */
    public void decide(long id, boolean accepted, String reason, String userId) {
        Delegation delegation = get(id);
        if (accepted) {
            delegation.accept(userId, clock.now());
            asSystem.run(() -> grantExisting(delegation.getDelegating().getGroupId(), delegation.getDelegate().getGroupId()));
        } else {
            delegation.refuse(userId, reason, clock.now());
        }
    }

    /** Nobody decided in time. */
    public void expire(DelegateExecution execution) {
        Delegation delegation = of(execution);
        if (delegation.getStatus() == DelegationStatus.PENDING) {
            delegation.expire(clock.now());
        }
    }

    public void notifyExpired(DelegateExecution execution) {
        Delegation delegation = of(execution);
        String subject = "Demande de délégation expirée";
        String body = "La demande de " + delegation.getDelegate().getName() + " de gérer les dossiers de " + delegation.getDelegating().getName()
                + " n'a pas reçu de réponse sous 30 jours : elle a expiré. Rien n'a été partagé ; le CFA peut la renouveler.";
        tellBoth(delegation, subject, body);
    }

    /**
     * Either organisation's administrator ends the request or the delegation it has with the organisation of this
     * SIRET: every grant is revoked at once (task candidates, process instances and their history).
     */
    public Delegation end(Organisation mine, String rawSiret, String userId) {
        String problem = Siret.problemWith(rawSiret);
        if (problem != null) {
            throw new BusinessRuleException(problem);
        }
        Organisation other = organisations.findBySiret(Siret.of(rawSiret).value()).orElse(null);
        Delegation delegation = other == null ? null : delegations.findFirstByDelegateAndDelegatingAndStatusIn(mine, other, OPEN)
                .or(() -> delegations.findFirstByDelegateAndDelegatingAndStatusIn(other, mine, OPEN)).orElse(null);
        if (delegation == null) {
            throw new NotFoundException("Aucune délégation ni demande de délégation en cours avec le SIRET " + Siret.of(rawSiret).formatted() + ".");
        }
        boolean wasActive = delegation.getStatus() == DelegationStatus.ACTIVE;
        delegation.end(userId, clock.now());
        asSystem.run(() -> {
            if (wasActive) {
                revoke(delegation.getDelegating().getGroupId(), delegation.getDelegate().getGroupId());
            }
            if (delegation.getProcessInstanceId() != null) {
                runtimeService.createMessageCorrelation(ENDED).processInstanceId(delegation.getProcessInstanceId()).correlateAllWithResult();
            }
        });
        log.info("Delegation {} from {} to {} ended by {}", delegation.getId(), delegation.getDelegating().getSiret(),
                delegation.getDelegate().getSiret(), userId);
        return delegation;
    }

    public void notifyRequested(DelegateExecution execution) {
        Delegation d = of(execution);
        if (d.getStatus() != DelegationStatus.PENDING) {
            return; // decided or withdrawn before its notice went out: the decision's own e-mail tells both sides
        }
        asSystem.run(() -> {
            notifications.sendAndEmail(d.getDelegating().getAdminGroupId(), null,
                    "Demande de délégation de " + d.getDelegate().getName(),
                    describe(d) + "\n\nAcceptez ou refusez la demande dans Tasklist (tâche « Accepter ou refuser la délégation »).");
            notifications.sendAndEmail(d.getDelegate().getAdminGroupId(), null,
                    "Demande de délégation envoyée à " + d.getDelegating().getName(),
                    "Votre demande de gérer les dossiers de " + d.getDelegating().getName() + " a été transmise à son administrateur. "
                            + "Rien n'est partagé tant qu'il ne l'a pas acceptée ; vous recevrez un e-mail dès sa réponse.");
        });
    }

    public void notifyAccepted(DelegateExecution execution) {
        Delegation d = of(execution);
        tellBoth(d, "Délégation acceptée",
                d.getDelegating().getName() + " a accepté que " + d.getDelegate().getName() + " gère ses dossiers (décision de "
                        + d.getDecidedBy() + "). Chaque acte fait par délégation est enregistré aux deux noms ; "
                        + "l'un ou l'autre organisme peut y mettre fin à tout moment depuis « Mon organisme ».");
    }

    public void notifyRefused(DelegateExecution execution) {
        Delegation d = of(execution);
        tellBoth(d, "Délégation refusée",
                d.getDelegating().getName() + " a refusé que " + d.getDelegate().getName() + " gère ses dossiers. Motif : "
                        + d.getRefusalReason());
    }

    public void notifyEnded(DelegateExecution execution) {
        Delegation d = of(execution);
        boolean wasRequest = d.getDecidedAt() == null;
        tellBoth(d, wasRequest ? "Demande de délégation retirée" : "Fin de la délégation",
                (wasRequest ? "La demande de " + d.getDelegate().getName() + " de gérer les dossiers de " + d.getDelegating().getName()
                        + " a été retirée" : "La délégation de " + d.getDelegating().getName() + " à " + d.getDelegate().getName() + " a pris fin")
                        + " (par " + d.getEndedBy() + "). " + d.getDelegate().getName() + " n'a plus accès aux dossiers de "
                        + d.getDelegating().getName() + ".");
    }

    private void tellBoth(Delegation d, String subject, String body) {
        asSystem.run(() -> {
            notifications.sendAndEmail(d.getDelegating().getAdminGroupId(), null, subject, body);
            notifications.sendAndEmail(d.getDelegate().getAdminGroupId(), null, subject, body);
        });
    }

    /** The active delegations this organisation received (the organisations whose dossiers it manages). */
    public List<Delegation> of(Organisation delegate) {
        return delegations.findByDelegateAndStatusIn(delegate, Set.of(DelegationStatus.ACTIVE));
    }

    /** Pending and active, as the delegate (asked by this CFA) and as the delegating organisation (asked of it). */
    public List<Delegation> openAsDelegate(Organisation organisation) {
        return delegations.findByDelegateAndStatusIn(organisation, OPEN);
    }

    public List<Delegation> openAsDelegating(Organisation organisation) {
        return delegations.findByDelegatingAndStatusIn(organisation, OPEN);
    }

    public List<DelegatedAct> actsConcerning(Organisation organisation) {
        return acts.concerning(organisation);
    }

    /** The groups of the organisations these groups act for by an active delegation. */
    @Override
    public List<String> delegatingGroups(Collection<String> groupIds) {
        return delegations.findByDelegateGroupIdInAndStatus(groupIds, DelegationStatus.ACTIVE).stream()
                .map(d -> d.getDelegating().getGroupId()).distinct().toList();
    }

    /** The groups of the CFAs that manage this organisation's dossiers by an active delegation. */
    public List<String> delegateGroups(String organisationGroupId) {
        return delegations.findByDelegatingGroupIdAndStatus(organisationGroupId, DelegationStatus.ACTIVE).stream()
                .map(d -> d.getDelegate().getGroupId()).toList();
    }

    /** Called when an organisation's task is created: the CFAs managing its dossiers by delegation work on it too. */
    public void shareWithDelegates(DelegateTask task, String organisationGroup) {
        if (organisationGroup != null && task.getCandidates().stream().anyMatch(link -> organisationGroup.equals(link.getGroupId()))) {
            task.addCandidateGroups(delegateGroups(organisationGroup));
        }
    }

    /**
     * Called when a task is completed: when its user is not of the organisation the task belongs to but of a CFA acting
     * for it, the completion is recorded with the user's, the CFA's and the delegating organisation's names.
     */
    public void recordIfDelegated(DelegateTask task, String organisationGroup, String userId) {
        if (organisationGroup == null || userId == null) {
            return;
        }
        List<String> own = asSystem.call(() -> identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
        if (own.contains(organisationGroup)) {
            return;
        }
        for (Delegation delegation : delegations.findByDelegatingGroupIdAndStatus(organisationGroup, DelegationStatus.ACTIVE)) {
            if (own.contains(delegation.getDelegate().getGroupId())) {
                String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
                acts.save(new DelegatedAct(delegation, userId, "Tâche « " + task.getName() + " » terminée par " + userId + " ("
                        + delegation.getDelegate().getName() + ") pour " + delegation.getDelegating().getName()
                        + (businessKey == null ? "" : ", dossier " + businessKey), businessKey, task.getId(), clock.now()));
                log.info("Task {} of {} completed by {} of {} by delegation", task.getId(), delegation.getDelegating().getName(), userId,
                        delegation.getDelegate().getName());
                return;
            }
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

    /**
     * Takes back everything {@link #grantExisting} and later task creations gave the delegate: its candidacy on the
     * delegating organisation's tasks and the task authorizations the engine created with it, the tasks its users
     * claimed (back to the organisation's queue), and its authorizations on the processes and their history.
     */
    private void revoke(String delegatingGroup, String delegateGroup) {
        List<String> delegateUsers = identityService.createUserQuery().memberOfGroup(delegateGroup).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).toList();
        List<String> delegatingUsers = identityService.createUserQuery().memberOfGroup(delegatingGroup).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).toList();
        for (org.camunda.bpm.engine.task.Task task : taskService.createTaskQuery().taskCandidateGroup(delegatingGroup).includeAssignedTasks().list()) {
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

    public void grantInstance(String group, String processInstanceId, boolean running) {
        if (running) {
            authorizations.grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        }
        authorizations.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
