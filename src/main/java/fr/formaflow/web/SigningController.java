package fr.formaflow.web;

import fr.formaflow.attendance.Signatures;
import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.ApiErrorHandler.ApiError;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.process.steps.DeclareMonthStep;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Electronic attendance (émargement électronique): the organisation opens a half-day to signatures and shows each
 * person's link or QR code; trainees and trainers sign from their phone, without an account (/public/signatures).
 */
@RestController
@Tag(name = "Émargement électronique", description = "Sessions de signature par demi-journée, liens à usage unique, signatures et preuves")
public class SigningController {

    private static final Logger LOG = LoggerFactory.getLogger(SigningController.class);

    /** What the signer is told: no internal ids. */
    public record Receipt(String signerName, LocalDateTime signedAt, String message) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;
    private final Signatures signatures;
    private final DeclareMonthStep declarationTask;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SigningController(DossierService dossiers, DossierAccess access, Signatures signatures, DeclareMonthStep declarationTask,
                             CurrentUser currentUser, TransactionTemplate transactions, Clock clock) {
        this.dossiers = dossiers;
        this.access = access;
        this.signatures = signatures;
        this.declarationTask = declarationTask;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping("/api/dossiers/{id}/signing-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ouvrir une demi-journée à la signature (le jour même) : un lien à usage unique par stagiaire en formation "
            + "et par formateur, montré une seule fois ; rouvrir la même demi-journée renouvelle les liens non utilisés")
    @Transactional
    public Signatures.Session open(@PathVariable long id, @RequestBody(required = false) Signatures.NewSession request) {
        return signatures.open(access.requireOrganisationOf(dossiers.get(id)), request, currentUser.id());
    }

    @GetMapping("/api/dossiers/{id}/signing-sessions")
    @Transactional(readOnly = true)
    @Operation(summary = "Les sessions de signature du mois (month=2026-01, le mois en cours par défaut), avec qui a signé, quand, "
            + "depuis quelle adresse IP, et l'empreinte de preuve")
    public List<Signatures.Session> sessions(@PathVariable long id, @RequestParam(required = false) String month) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        return signatures.sessions(action, month == null ? YearMonth.from(clock.today()) : AttendanceController.month(month));
    }

    @GetMapping(path = "/api/dossiers/{id}/signing-sessions/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Transactional(readOnly = true)
    @Operation(summary = "Le QR code (PNG) d'un lien de signature du dossier, à afficher ou imprimer ; t = le jeton du lien, tel qu'il a été remis")
    public ResponseEntity<byte[]> qrCode(@PathVariable long id, @RequestParam(name = "t", required = false) String token) {
        byte[] png = signatures.qrCode(access.requireOrganisationOf(dossiers.get(id)), token);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"signature.png\"").body(png);
    }

    @GetMapping("/public/signatures/{token}")
    @Operation(summary = "Ce qu'un lien de signature fait signer : dossier, jour, matin ou après-midi, nom du signataire")
    public Signatures.ToSign toSign(@PathVariable String token) {
        return signatures.toSign(token);
    }

    /**
     * Signs (the link is then used), then writes the half-day to the month's sheet once the trainee and a trainer have
     * signed it: that second step runs in a transaction of its own, so a sheet refusing it never loses the signature.
     */
    @PostMapping("/public/signatures/{token}")
    @Operation(summary = "Signer sa présence avec un lien à usage unique (sans compte) : heure, adresse IP et empreinte conservées")
    public Receipt sign(@PathVariable String token, HttpServletRequest request) {
        Signatures.Signed signed = signatures.sign(token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        try {
            if (signatures.recordAttended(signed.sessionId())) {
                transactions.executeWithoutResult(s -> declarationTask.refresh(dossiers.get(signed.actionId()), YearMonth.from(signed.day())));
            }
        } catch (BusinessRuleException e) {
            // the organisation sees the half-day as signed but not counted, and records it in the sheet itself
            LOG.warn("Signed half-day {} {} of dossier {} not written to the month's sheet: {} {}", signed.day(), signed.half(),
                    signed.actionId(), e.summary(), e.details());
        } catch (RuntimeException e) {
            // the signature is recorded all the same: the signer is told so, the organisation sees the half-day not counted
            LOG.error("Signed half-day {} {} of dossier {} not written to the month's sheet", signed.day(), signed.half(), signed.actionId(), e);
        }
        return new Receipt(signed.signerName(), signed.signedAt(), signed.message());
    }

    @ExceptionHandler(Signatures.UnusableLinkException.class)
    ResponseEntity<ApiError> unusable(Signatures.UnusableLinkException e) {
        return ResponseEntity.status(e.isExpired() ? HttpStatus.GONE : HttpStatus.CONFLICT).body(new ApiError(e.getMessage(), List.of()));
    }
}
