package fr.formaflow.trainee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** One person's single-use link to evaluate a dossier's training: a trainee (satisfaction) or a trainer (their evaluation). */
@Entity
@Table(name = "evaluation_link")
public class EvaluationLink {

    public enum Kind {
        TRAINEE("Stagiaire"), TRAINER("Formateur");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "action_id", nullable = false)
    private Long actionId;
    @Enumerated(EnumType.STRING)
    @Column(name = "person_kind", nullable = false)
    private Kind kind;
    @Column(name = "person_id", nullable = false)
    private Long personId;
    @Column(name = "person_name", nullable = false)
    private String personName;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;
    @Column(name = "answered_at")
    private LocalDateTime answeredAt;
    private String answer;

    protected EvaluationLink() {
    }

    EvaluationLink(Long actionId, Kind kind, Long personId, String personName, String tokenHash, LocalDateTime createdAt,
                   LocalDateTime expiresAt) {
        this.actionId = actionId;
        this.kind = kind;
        this.personId = personId;
        this.personName = personName;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** A new token for a link not answered yet: the previous one no longer opens anything. */
    void renew(String tokenHash, LocalDateTime now, LocalDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    void answered(String answer, LocalDateTime at) {
        this.answer = answer;
        this.answeredAt = at;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public Kind getKind() { return kind; }
    public Long getPersonId() { return personId; }
    public String getPersonName() { return personName; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public LocalDateTime getAnsweredAt() { return answeredAt; }
    public String getAnswer() { return answer; }
}
