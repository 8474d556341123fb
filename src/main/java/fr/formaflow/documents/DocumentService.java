package fr.formaflow.documents;

import fr.formaflow.events.Events;

import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.transaction.annotation.Transactional;

/** Documents uploaded by organisations: checked at the edge (PDF, size), stored with their hash, listed per dossier. */
@Service
@Transactional
public class DocumentService {

    /** How each sentence of {@link #missing} begins. */
    public static final String MISSING = "Pièce manquante : ";


    private final DocumentRepository documents;
    private final DocumentContentRepository contents;
    private final Events events;
    private final TrainerRepository trainers;
    private final Clock clock;
    private final long maxBytes;

    public DocumentService(DocumentRepository documents, DocumentContentRepository contents, TrainerRepository trainers, Clock clock,
                           @Value("${formaflow.documents.max-size:10MB}") DataSize maxSize, Events events) {
        this.events = events;
        this.documents = documents;
        this.contents = contents;
        this.trainers = trainers;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    public Document upload(TrainingAction action, DocumentType type, Long trainerId, String filename, byte[] content, String userId) {
        return upload(action, type, trainerId, null, filename, content, userId);
    }

    /** An upload that concerns one month of the action: a signed attendance sheet. */
    public Document upload(TrainingAction action, DocumentType type, Long trainerId, YearMonth month, String filename, byte[] content,
                           String userId) {
        List<String> problems = new ArrayList<>();
        if (type == DocumentType.ATTENDANCE_SHEET && month == null) {
            problems.add("Indiquez le mois de la feuille d'émargement signée.");
        }
        if (type == DocumentType.ABSENCE_PROOF && month == null) {
            problems.add("Indiquez le mois des absences que ce justificatif couvre.");
        }
        if (type == null) {
            problems.add("Choisissez le type de la pièce.");
        }
        String contentType = checkFile(filename, content, problems);
        if (type != null && type.generated()) {
            problems.add("« " + type.label() + " » est produit par Formaflow : versez la version signée sous le type correspondant.");
        }
        if (type != null && type.perTrainer()) {
            if (trainerId == null || action.getTrainers().stream().noneMatch(t -> t.trainerId().equals(trainerId))) {
                problems.add("Indiquez le formateur du dossier auquel se rapporte « " + type.label() + " ».");
            }
        }
        BusinessRuleException.throwIfAny("La pièce ne peut pas être versée :", problems);
        String name = UploadedFiles.safeName(filename, type.name().toLowerCase(), contentType);
        Document document = new Document(type.keptPerPerson() ? null : action.getId(), action.getOrganisation().getId(),
                type.perTrainer() ? trainerId : null, type, name, contentType, content.length, sha256(content), userId, clock.now());
        if (month != null) {
            document.forMonth(month.toString());
        }
        return announced(action, stored(document, content));
    }

    /**
     * Checks an uploaded file (not empty, not too big, a readable PDF without active content, a JPEG or a PNG that
     * decodes, by its content, whatever its name says: {@link UploadedFiles}); adds the French reasons to problems and
     * returns its content type, or null if refused.
     */
    public String checkFile(String filename, byte[] content, List<String> problems) {
        fr.formaflow.platform.FieldLimits.check().max("Nom du fichier", filename, fr.formaflow.platform.FieldLimits.TITLE)
                .orRefuse("Le fichier n'a pas été enregistré :");
        if (content == null || content.length == 0) {
            problems.add("Le fichier « " + filename + " » est vide.");
            return null;
        }
        if (content.length > maxBytes) {
            problems.add("Le fichier « " + filename + " » dépasse la taille autorisée (" + DataSize.ofBytes(maxBytes).toMegabytes() + " Mo).");
            return null;
        }
        String contentType = UploadedFiles.announcedType(content);
        if (contentType == null) {
            problems.add("Le fichier « " + filename + " » n'est ni un PDF, ni une image JPEG ou PNG : numérisez la pièce signée "
                    + "dans l'un de ces formats.");
            return null;
        }
        String problem = UploadedFiles.problemWith(UploadedFiles.safeName(filename, "pièce", contentType), contentType, content);
        if (problem != null) {
            problems.add(problem);
            return null;
        }
        return contentType;
    }

    /**
     * The dossier's documents, with its trainers' own papers (CV, identity). A trainer's contract or charter signed for
     * another dossier is not this dossier's.
     */
    public List<Document> of(TrainingAction action) {
        List<Document> all = new ArrayList<>(documents.findByActionIdOrderByUploadedAtDesc(action.getId()));
        documents.findByTrainerIdIn(action.getTrainers().stream().map(TrainerAssignment::trainerId).toList()).stream()
                .filter(d -> d.getActionId() == null && d.getType().keptPerPerson()).forEach(all::add);
        return all;
    }

    /**
     * The documents the funder's rules ask for that apply to this dossier: a subcontracting contract only when the
     * dossier has a subcontractor.
     */
    public static Set<DocumentType> required(TrainingAction action, String requiredDocuments) {
        Set<DocumentType> required = new java.util.LinkedHashSet<>(parse(requiredDocuments));
        if (action.getSubcontractorIds().isEmpty()) {
            required.remove(DocumentType.SUBCONTRACTING_CONTRACT);
        }
        return required;
    }

    /** Stores a generated PDF as the next version of its file in the dossier: former versions are kept. */
    public Document storeGenerated(TrainingAction action, DocumentType type, Long traineeId, String month, String filename, byte[] pdf) {
        int version = Math.toIntExact(documents.countByActionIdAndFilename(action.getId(), filename) + 1);
        return announced(action, stored(Document.generated(action.getId(), action.getOrganisation().getId(), type, traineeId,
                month, filename, pdf.length, sha256(pdf), version, clock.now()), pdf));
    }

    private Document stored(Document document, byte[] content) {
        Document saved = documents.save(document);
        contents.save(new DocumentContent(saved.getId(), content));
        return saved;
    }

    /** The bytes of a document, for its download. */
    public byte[] content(Document document) {
        return contents.findById(document.getId()).map(DocumentContent::getContent)
                .orElseThrow(() -> new NotFoundException("Le fichier de la pièce n° " + document.getId() + " est introuvable."));
    }

    /** Other systems hear of every document stored (see Events); the content itself stays here. */
    private Document announced(TrainingAction action, Document document) {
        events.publish(action, "document.stored", Map.of("documentId", document.getId(), "type", document.getType().name(),
                "filename", document.getFilename(), "version", document.getVersion(), "generated", document.isGenerated()));
        return document;
    }

    /**
     * Removes an uploaded document the organisation has not sent yet (the caller checks that the step it serves is still
     * open). Generated documents are never removed. The removal is announced (type, file, hash, who), which keeps its trace.
     */
    public void remove(TrainingAction action, Document document, String userId) {
        if (document.isGenerated()) {
            throw new BusinessRuleException("« " + document.getType().label() + " » est produit par Formaflow : il ne peut pas être supprimé.");
        }
        if (!action.getOrganisation().getId().equals(document.getOrganisationId())) {
            throw new NotFoundException("La pièce n° " + document.getId() + " n'existe pas dans ce dossier.");
        }
        events.publish(action, "document.removed", Map.of("documentId", document.getId(), "type", document.getType().name(),
                "filename", document.getFilename(), "sha256", document.getSha256(), "removedBy", userId));
        contents.deleteById(document.getId());
        documents.delete(document);
    }

    public Document get(long documentId) {
        return documents.findById(documentId).orElseThrow(() -> new NotFoundException("La pièce n° " + documentId + " n'existe pas."));
    }

    /** For each required document type, a French sentence naming what is missing (per trainer where it applies). */
    public List<String> missing(TrainingAction action, Set<DocumentType> required) {
        return missing(action, required, of(action));
    }

    /** The same, against documents already loaded (a check that also reads them loads them once). */
    public List<String> missing(TrainingAction action, Set<DocumentType> required, List<Document> present) {
        List<String> missing = new ArrayList<>();
        for (DocumentType type : required) {
            if (type.perTrainer()) {
                for (TrainerAssignment assignment : action.getTrainers()) {
                    boolean found = present.stream().anyMatch(d -> d.getType() == type && assignment.trainerId().equals(d.getTrainerId()));
                    if (!found) {
                        String trainer = trainers.findById(assignment.trainerId()).map(Trainer::fullName).orElse("?");
                        missing.add(MISSING + type.label() + " (" + trainer + ").");
                    }
                }
            } else if (present.stream().noneMatch(d -> d.getType() == type)) {
                missing.add(MISSING + type.label() + ".");
            }
        }
        return missing;
    }

    public static Set<DocumentType> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(DocumentType::valueOf).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
