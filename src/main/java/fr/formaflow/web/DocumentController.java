package fr.formaflow.web;

import fr.formaflow.documents.Document;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.process.OpenTasks;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload and download of a dossier's documents, for its organisation, its funder and operators only. */
@RestController
@Tag(name = "Pièces", description = "Pièces versées par les organismes")
public class DocumentController {

    public record DocumentLine(long id, String type, String label, String filename, long sizeBytes, String uploadedBy,
                               java.time.LocalDateTime uploadedAt, int version, String taskName) {
    }

    private final DocumentService documents;
    private final DossierService dossiers;
    private final DossierAccess access;
    private final CurrentUser currentUser;
    private final OpenTasks openTasks;

    public DocumentController(DocumentService documents, DossierService dossiers, DossierAccess access, CurrentUser currentUser,
                              OpenTasks openTasks) {
        this.openTasks = openTasks;
        this.documents = documents;
        this.dossiers = dossiers;
        this.access = access;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/api/dossiers/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Verser une pièce (PDF) : type, formateur pour les pièces propres à un formateur, mois pour une feuille d'émargement signée, "
            + "tâche de l'organisme qu'elle sert (facultatif)")
    public DocumentLine upload(@PathVariable long id, @RequestParam("type") String type,
                               @RequestParam(value = "trainerId", required = false) Long trainerId,
                               @RequestParam(value = "month", required = false) String month,
                               @RequestParam(value = "taskId", required = false) String taskId,
                               @RequestParam("file") MultipartFile file) throws IOException {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        DocumentType documentType;
        try {
            documentType = DocumentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("Le type de pièce « " + type + " » n'est pas reconnu.");
        }
        Document document = documents.upload(action, documentType, trainerId, month(month), file.getOriginalFilename(), file.getBytes(),
                currentUser.id());
        // the task it was uploaded in, or else the organisation's latest open task of the dossier, is the step it serves
        organisationTasks(action).stream().filter(task -> taskId == null || task.id().equals(taskId)).findFirst()
                .ifPresent(task -> document.forTask(task.id(), task.name()));
        return line(document);
    }

    @DeleteMapping("/api/dossiers/{id}/documents/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "Retirer une pièce versée, tant que la tâche de l'organisme qu'elle sert n'est pas envoyée")
    public void remove(@PathVariable long id, @PathVariable long documentId) {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        Document document = documents.of(action).stream().filter(d -> d.getId() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("La pièce n° " + documentId + " n'existe pas dans ce dossier."));
        if (document.getTaskId() == null || organisationTasks(action).stream().noneMatch(task -> task.id().equals(document.getTaskId()))) {
            throw new BusinessRuleException("La pièce « " + document.getFilename() + " » a déjà été transmise avec son étape : "
                    + "elle ne peut plus être retirée. Versez une nouvelle version si elle doit changer.");
        }
        documents.remove(action, document, currentUser.id());
    }

    /** The organisation's open tasks of the dossier, claimed or not, latest first. */
    private List<OpenTasks.OpenTask> organisationTasks(TrainingAction action) {
        return openTasks.ofOrganisation(action.getContractNumber(), action.getOrganisation().getGroupId());
    }

    public record DocumentTypeLine(String type, String label, boolean perTrainer) {
    }

    @GetMapping("/api/document-types")
    @Operation(summary = "Les types de pièces, et ceux qui se rapportent à un formateur")
    public List<DocumentTypeLine> types() {
        return java.util.Arrays.stream(DocumentType.values()).map(t -> new DocumentTypeLine(t.name(), t.label(), t.perTrainer())).toList();
    }

    @GetMapping("/api/dossiers/{id}/documents")
    @Transactional(readOnly = true)
    @Operation(summary = "Les pièces du dossier et de ses formateurs")
    public List<DocumentLine> list(@PathVariable long id) {
        return documents.of(access.requireVisible(dossiers.get(id))).stream().map(DocumentController::line).toList();
    }

    @GetMapping("/api/dossiers/{id}/documents/{documentId}")
    @Transactional(readOnly = true)
    @Operation(summary = "Télécharger une pièce")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId,
                                           @RequestParam(value = "inline", defaultValue = "false") boolean inline) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        Document document = documents.of(action).stream().filter(d -> d.getId() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("La pièce n° " + documentId + " n'existe pas dans ce dossier."));
        return ResponseEntity.ok()
                // inline: the browser opens the PDF in a tab of its own (the task's « Dossier » panel); else a download
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(document.getFilename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .body(documents.content(document));
    }

    public static DocumentLine line(Document d) {
        return new DocumentLine(d.getId(), d.getType().name(), d.getType().label(), d.getFilename(), d.getSizeBytes(),
                d.getUploadedBy(), d.getUploadedAt(), d.getVersion(), d.getTaskName());
    }

    private static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BusinessRuleException("Le mois « " + value + " » n'est pas valide (format attendu : 2026-01).");
        }
    }
}
