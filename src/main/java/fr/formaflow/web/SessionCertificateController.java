package fr.formaflow.web;

import fr.formaflow.attendance.SessionAttendance;
import fr.formaflow.attendance.SessionAttendances;
import fr.formaflow.documents.SessionAttendancePdf;
import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.Prestation;
import fr.formaflow.dossier.PrestationSession;
import fr.formaflow.dossier.Prestations;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A Formiris session's attendance certificates as a PDF (seed 001), generated from what the organisation deposited. */
@RestController
@Tag(name = "Présences")
public class SessionCertificateController {

    private final DossierService dossiers;
    private final DossierAccess access;
    private final Prestations prestations;
    private final SessionAttendances attendances;
    private final Clock clock;

    public SessionCertificateController(DossierService dossiers, DossierAccess access, Prestations prestations, SessionAttendances attendances,
                                        Clock clock) {
        this.dossiers = dossiers;
        this.access = access;
        this.prestations = prestations;
        this.attendances = attendances;
        this.clock = clock;
    }

    @GetMapping("/api/dossiers/{id}/prestation/sessions/{sessionId}/attendance.pdf")
    @Transactional(readOnly = true)
    @Operation(summary = "Les attestations de présence d'une session, en PDF : la liste des enseignants présents, puis une attestation "
            + "par enseignant")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long sessionId) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        PrestationSession session = prestations.session(action, sessionId);
        Prestation prestation = prestations.of(action).orElseThrow();
        SessionAttendance attendance = attendances.of(session).orElseThrow(() -> new BusinessRuleException(
                "Aucune attestation de présence n'a encore été déposée pour la session " + session.describe() + "."));
        return PdfDownload.attachment(SessionAttendancePdf.filename(action, session),
                SessionAttendancePdf.render(action, prestation, session, attendance, clock.today()));
    }
}
