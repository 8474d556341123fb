package fr.formaflow.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An uploaded or generated document: of a dossier, or of a trainer (CV, ID) and then reused across dossiers. Its bytes are a {@link DocumentContent}. */
@Entity
@Table(name = "document")
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long actionId;

    @Column(nullable = false)
    private Long organisationId;

    private Long trainerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentType type;

    @Column(nullable = false)
    private String filename;
    @Column(nullable = false)
    private String contentType;
    @Column(nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;

    private String taskId;
    private String taskName;
    private boolean generated;
    private int version = 1;
    private Long traineeId;
    private String month;

    @Column(nullable = false)
    private String uploadedBy;
    @Column(nullable = false)
    private LocalDateTime uploadedAt;

    protected Document() {
    }

    public Document(Long actionId, Long organisationId, Long trainerId, DocumentType type, String filename, String contentType,
                    long sizeBytes, String sha256, String uploadedBy, LocalDateTime uploadedAt) {
        this.actionId = actionId;
        this.organisationId = organisationId;
        this.trainerId = trainerId;
        this.type = type;
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** A document produced by Formaflow, as version n of its file name in the dossier. */
    static Document generated(Long actionId, Long organisationId, DocumentType type, Long traineeId, String month, String filename,
                              long sizeBytes, String sha256, int version, LocalDateTime at) {
        Document document = new Document(actionId, organisationId, null, type, filename, "application/pdf", sizeBytes, sha256, "Formaflow", at);
        document.generated = true;
        document.version = version;
        document.traineeId = traineeId;
        document.month = month;
        return document;
    }

    /** The month an upload concerns (a signed attendance sheet). */
    void forMonth(String month) {
        this.month = month;
    }

    /** Links an upload to the task it serves. */
    public void forTask(String taskId, String taskName) {
        this.taskId = taskId;
        this.taskName = taskName;
    }

    public String getTaskId() { return taskId; }
    public String getTaskName() { return taskName; }
    public boolean isGenerated() { return generated; }
    public int getVersion() { return version; }
    public Long getTraineeId() { return traineeId; }
    public String getMonth() { return month; }
    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public Long getOrganisationId() { return organisationId; }
    public Long getTrainerId() { return trainerId; }
    public DocumentType getType() { return type; }
    public String getFilename() { return filename; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getUploadedBy() { return uploadedBy; }
    public LocalDateTime getUploadedAt() { return uploadedAt; }
}
