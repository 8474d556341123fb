package fr.formaflow.organisation;

import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.Processes;
import fr.formaflow.security.AsSystem;
import fr.formaflow.security.DelegatedGroups;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegation ("ajouter un OF déléguant"): a CFA asks to manage another organisation's dossiers; the delegating
 * organisation's administrator accepts or refuses (processes/delegation-request.bpmn); nothing is granted before.
 * Once accepted ({@link Accepted}), the process layer grants the CFA's group the delegating organisation's dossiers in the
 * engine (process instances, history, open and future tasks) and its users act for it in Formaflow's API; every task
 * they complete for it is recorded with both organisations' names. Either side ends a request or a delegation at any
 * time ({@link Ended}), which revokes every grant at once.
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
    private final Processes processes;
    private final ApplicationEventPublisher events;
    private final Notifications notifications;
    private final AsSystem asSystem;
    private final Clock clock;

    public Delegations(DelegationRepository delegations, DelegatedActRepository acts, OrganisationRepository organisations,
                       Processes processes, ApplicationEventPublisher events, Notifications notifications, AsSystem asSystem, Clock clock) {
        this.delegations = delegations;
        this.acts = acts;
        this.organisations = organisations;
        this.processes = processes;
        this.events = events;
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
        String instanceId = processes.start(PROCESS, "delegation-" + delegation.getId(), Map.of("delegationId", delegation.getId()));
        delegation.started(instanceId);
        return delegation;
    }

    /** A delegation accepted: the delegate's group is to be granted the delegating organisation's dossiers and tasks. */
    public record Accepted(String delegatingGroup, String delegateGroup) {
    }

    /** A request withdrawn or a delegation ended: its process is told, and an active delegation's grants are revoked. */
    public record Ended(String delegatingGroup, String delegateGroup, boolean wasActive, String processInstanceId) {
    }

    public Delegation get(long id) {
        return delegations.findById(id).orElseThrow(() -> new NotFoundException("Cette demande de délégation n'existe pas."));
    }

    /** The candidates of the review task: the delegating organisation's administrators, read from the domain. */
    public String reviewers(long delegationId) {
        return get(delegationId).getDelegating().getAdminGroupId();
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
            events.publishEvent(new Accepted(delegation.getDelegating().getGroupId(), delegation.getDelegate().getGroupId()));
        } else {
            delegation.refuse(userId, reason, clock.now());
        }
    }

    /** Nobody decided in time. */
    public void expire(long delegationId) {
        Delegation delegation = get(delegationId);
        if (delegation.getStatus() == DelegationStatus.PENDING) {
            delegation.expire(clock.now());
        }
    }

    public void notifyExpired(long delegationId) {
        Delegation delegation = get(delegationId);
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
        events.publishEvent(new Ended(delegation.getDelegating().getGroupId(), delegation.getDelegate().getGroupId(), wasActive,
                delegation.getProcessInstanceId()));
        log.info("Delegation {} from {} to {} ended by {}", delegation.getId(), delegation.getDelegating().getSiret(),
                delegation.getDelegate().getSiret(), userId);
        return delegation;
    }

    public void notifyRequested(long delegationId) {
        Delegation d = get(delegationId);
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

    public void notifyAccepted(long delegationId) {
        Delegation d = get(delegationId);
        tellBoth(d, "Délégation acceptée",
                d.getDelegating().getName() + " a accepté que " + d.getDelegate().getName() + " gère ses dossiers (décision de "
                        + d.getDecidedBy() + "). Chaque acte fait par délégation est enregistré aux deux noms ; "
                        + "l'un ou l'autre organisme peut y mettre fin à tout moment depuis « Mon organisme ».");
    }

    public void notifyRefused(long delegationId) {
        Delegation d = get(delegationId);
        tellBoth(d, "Délégation refusée",
                d.getDelegating().getName() + " a refusé que " + d.getDelegate().getName() + " gère ses dossiers. Motif : "
                        + d.getRefusalReason());
    }

    public void notifyEnded(long delegationId) {
        Delegation d = get(delegationId);
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

    /**
     * A task of this organisation was completed by a user of these groups: when the user is not of the organisation but
     * of a CFA acting for it, the completion is recorded with the user's, the CFA's and the delegating organisation's names.
     */
    public void recordIfDelegated(String organisationGroup, String userId, Collection<String> userGroups, String taskId,
                                  String taskName, String businessKey) {
        if (organisationGroup == null || userId == null || userGroups.contains(organisationGroup)) {
            return;
        }
        for (Delegation delegation : delegations.findByDelegatingGroupIdAndStatus(organisationGroup, DelegationStatus.ACTIVE)) {
            if (userGroups.contains(delegation.getDelegate().getGroupId())) {
                acts.save(new DelegatedAct(delegation, userId, "Tâche « " + taskName + " » terminée par " + userId + " ("
                        + delegation.getDelegate().getName() + ") pour " + delegation.getDelegating().getName()
                        + (businessKey == null ? "" : ", dossier " + businessKey), businessKey, taskId, clock.now()));
                log.info("Task {} of {} completed by {} of {} by delegation", taskId, delegation.getDelegating().getName(), userId,
                        delegation.getDelegate().getName());
                return;
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
