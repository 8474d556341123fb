package fr.formaflow.trainee;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Evaluations by the trainees and trainers themselves: the organisation's links, and the public page behind them. */
@RestController
@Tag(name = "Évaluations", description = "Liens d'évaluation à usage unique pour les stagiaires et les formateurs")
public class EvaluationLinkController {

    public record Sent(String message) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;
    private final EvaluationLinks links;

    public EvaluationLinkController(DossierService dossiers, DossierAccess access, EvaluationLinks links) {
        this.dossiers = dossiers;
        this.access = access;
        this.links = links;
    }

    @PostMapping("/api/dossiers/{id}/evaluation-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Donner à chaque stagiaire et formateur qui n'a pas encore répondu un lien d'évaluation à usage unique "
            + "(montré une seule fois ; un nouveau lien remplace l'ancien)")
    public List<EvaluationLinks.Issued> issue(@PathVariable long id) {
        return links.issue(access.requireOrganisationOf(dossiers.get(id)));
    }

    @GetMapping("/api/dossiers/{id}/evaluation-links")
    @Transactional(readOnly = true)
    @Operation(summary = "Qui a envoyé son évaluation, et quand")
    public List<EvaluationLinks.Status> statuses(@PathVariable long id) {
        return links.of(access.requireVisible(dossiers.get(id)));
    }

    @GetMapping(path = "/api/dossiers/{id}/evaluation-links/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Transactional(readOnly = true)
    @Operation(summary = "Le QR code (PNG) d'un lien d'évaluation du dossier, à afficher ou imprimer ; t = le jeton du lien")
    public ResponseEntity<byte[]> qrCode(@PathVariable long id, @RequestParam(name = "t", required = false) String token) {
        byte[] png = links.qrCode(access.requireOrganisationOf(dossiers.get(id)), token);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    @GetMapping("/public/evaluations/{token}")
    @Operation(summary = "Ce qu'un lien d'évaluation fait évaluer : la formation, son organisme, la personne")
    public EvaluationLinks.ToAnswer toAnswer(@PathVariable String token) {
        return links.toAnswer(token);
    }

    @PostMapping("/public/evaluations/{token}")
    @Transactional
    @Operation(summary = "Envoyer son évaluation (sans compte) : note de 1 à 5 et commentaire pour un stagiaire, texte pour un formateur")
    public Sent answer(@PathVariable String token, @RequestBody EvaluationLinks.Answer answer) {
        links.answer(token, answer);
        return new Sent("Merci, votre évaluation est envoyée à l'organisme de formation.");
    }
}
