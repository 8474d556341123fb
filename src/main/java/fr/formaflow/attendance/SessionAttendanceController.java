package fr.formaflow.attendance;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.PrestationSession;
import fr.formaflow.dossier.Prestations;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Formiris session's attendance certificates (seed 001): read by whoever sees the dossier, deposited by its
 * organisation; the PDF is served with the dossier's documents (web).
 */
@RestController
@Tag(name = "Présences")
public class SessionAttendanceController {

    public record AttendanceDeposit(List<SessionAttendee> attendees) {
    }

    /** deposited: false until the organisation deposits them; then who, when and the teachers present. */
    public record AttendanceView(long sessionId, String session, boolean deposited, String recordedBy, LocalDateTime recordedAt,
                                 List<SessionAttendee> attendees) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;
    private final Prestations prestations;
    private final SessionAttendances attendances;
    private final CurrentUser currentUser;

    public SessionAttendanceController(DossierService dossiers, DossierAccess access, Prestations prestations,
                                       SessionAttendances attendances, CurrentUser currentUser) {
        this.dossiers = dossiers;
        this.access = access;
        this.prestations = prestations;
        this.attendances = attendances;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/dossiers/{id}/prestation/sessions/{sessionId}/attendance")
    @Transactional(readOnly = true)
    @Operation(summary = "Les attestations de présence déposées pour une session de la prestation")
    public AttendanceView get(@PathVariable long id, @PathVariable long sessionId) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        PrestationSession session = prestations.session(action, sessionId);
        return attendances.of(session).map(a -> view(session, a))
                .orElseGet(() -> new AttendanceView(sessionId, session.describe(), false, null, null, List.of()));
    }

    @PutMapping("/api/dossiers/{id}/prestation/sessions/{sessionId}/attendance")
    @Transactional
    @Operation(summary = "Déposer les attestations de présence d'une session (organisme de formation ; bon de commande signé et "
            + "retourné, affectation de chaque enseignant à son unité pédagogique)")
    public AttendanceView deposit(@PathVariable long id, @PathVariable long sessionId, @RequestBody AttendanceDeposit deposit) {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        SessionAttendance attendance = attendances.record(action, sessionId, deposit.attendees(), currentUser.id());
        return view(prestations.session(action, sessionId), attendance);
    }

    private static AttendanceView view(PrestationSession session, SessionAttendance a) {
        return new AttendanceView(session.getId(), session.describe(), true, a.getRecordedBy(), a.getRecordedAt(), a.getAttendees());
    }
}
