package fr.formaflow.dossier;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FieldLimits;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.Processes;
import fr.formaflow.security.CurrentUser;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a dossier that need the funder's agreement: a new start or end date asked at opening or closure, and,
 * between opening and closure, a trainee or trainer added or removed, the centre and company periods changed, a trainee's
 * individual path readjusted (change-request.bpmn); the funder's decision.
 */
@Service
@Transactional
public class ChangeRequests {

    private final DossierService dossiers;
    private final ChangeRequestRepository changeRequests;
    private final Processes processes;
    private final CurrentUser currentUser;
    private final DossierAccess access;
    private final Clock clock;

    public ChangeRequests(DossierService dossiers, ChangeRequestRepository changeRequests, Processes processes,
                          CurrentUser currentUser, DossierAccess access, Clock clock) {
        this.dossiers = dossiers;
        this.changeRequests = changeRequests;
        this.processes = processes;
        this.currentUser = currentUser;
        this.access = access;
        this.clock = clock;
    }

    public ChangeRequest requestDateChange(long dossierId, ChangeRequest.Kind kind, LocalDate date, String reason, String userId) {
        TrainingAction action = dossiers.get(dossierId);
        changeRequests.findByActionIdAndStatusOrderByRequestedAtDescIdDesc(dossierId, ChangeRequest.Status.PENDING)
                .forEach(pending -> pending.decide(false, "Remplacée par une nouvelle demande.", userId, clock.now()));
        if (kind == ChangeRequest.Kind.START_DATE && date != null && date.equals(action.getPlannedStart())) {
            throw new BusinessRuleException("La date demandée est déjà la date de début prévue : décochez la demande de report.");
        }
        if (kind == ChangeRequest.Kind.END_DATE && date != null && date.equals(action.getPlannedEnd())) {
            throw new BusinessRuleException("La date demandée est déjà la date de fin prévue : décochez la demande d'avenant.");
        }
        return changeRequests.save(new ChangeRequest(dossierId, kind, reason, date, userId, clock.now()));
    }

    /**
     * After opening, adding or removing a trainee or trainer, changing the periods or a trainee's individual path needs
     * the funder's agreement (seed 003 §3.1 and §3.2): the request starts a
     * change-request process instance, with the dossier's contract number as business key.
     */
    public ChangeRequest requestChangeAfterOpening(long dossierId, ChangeRequest.Kind kind, String description) {
        FieldLimits.check().max("Description", description, FieldLimits.TEXT).orRefuse("La demande de modification ne peut pas être envoyée :");
        TrainingAction action = access.requireOrganisationOf(dossiers.get(dossierId));
        if (kind == null || kind == ChangeRequest.Kind.START_DATE || kind == ChangeRequest.Kind.END_DATE) {
            throw new BusinessRuleException("Une demande de modification porte sur un stagiaire, un formateur, les périodes en centre "
                    + "et en entreprise ou le parcours individualisé d'un stagiaire.");
        }
        if (kind == ChangeRequest.Kind.PATH && action.isCollective()) {
            throw new BusinessRuleException("Le parcours individualisé ne concerne que les actions individualisées : pour une action "
                    + "collective, demandez la modification des périodes.");
        }
        if (action.getRealStart() == null || action.getRealEnd() != null) {
            throw new BusinessRuleException("Les demandes de modification se font entre l'ouverture et la clôture de l'action ; "
                    + "avant l'ouverture, modifiez directement vos stagiaires et formateurs.");
        }
        ChangeRequest request = changeRequests.save(new ChangeRequest(dossierId, kind, description, null, currentUser.id(), clock.now()));
        processes.startByMessage("ChangeRequested", action.getContractNumber(), Map.of(
                "changeRequestId", request.getId(),
                "changeKind", kind.name(),
                "contractNumber", action.getContractNumber(),
                "actionTitle", action.getTitle(),
                "organisationName", action.getOrganisation().getName(),
                "organisationGroup", action.getOrganisation().getGroupId()));
        return request;
    }

    /** The funder decides the pending request: an approved date change moves the action's planned dates. */
    public ChangeRequest decideChangeRequest(long dossierId, Long changeRequestId, boolean approved, String reason, String userId) {
        TrainingAction action = dossiers.get(dossierId);
        ChangeRequest request = changeRequestId != null
                ? changeRequests.findById(changeRequestId).filter(r -> r.getActionId().equals(dossierId))
                        .orElseThrow(() -> new NotFoundException("La demande n° " + changeRequestId + " n'existe pas."))
                : pendingRequest(dossierId);
        request.decide(approved, reason, userId, clock.now());
        if (approved && request.getKind() == ChangeRequest.Kind.START_DATE) {
            action.moveSchedule(request.getRequestedDate());
        } else if (approved && request.getKind() == ChangeRequest.Kind.END_DATE) {
            action.amendPlannedEnd(request.getRequestedDate());
        }
        return request;
    }

    public ChangeRequest pendingRequest(long dossierId) {
        return changeRequests.findByActionIdAndStatusOrderByRequestedAtDescIdDesc(dossierId, ChangeRequest.Status.PENDING)
                .stream().findFirst()
                .orElseThrow(() -> new BusinessRuleException("Aucune demande de modification n'est en attente pour ce dossier."));
    }
}
