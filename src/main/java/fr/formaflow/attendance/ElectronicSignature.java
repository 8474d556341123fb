package fr.formaflow.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One person asked to sign one half-day (a trainee in training that day, or a trainer of the dossier), through a
 * single-use link of which only the SHA-256 is kept. Once signed, the row is the proof: when, from which IP and
 * browser, and a SHA-256 over (dossier, day, half, signer, signed-at, IP).
 */
@Entity
@Table(name = "electronic_signature")
public class ElectronicSignature {

    public enum SignerKind {
        TRAINEE("Stagiaire"),
        TRAINER("Formateur");

        private final String label;

        SignerKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long sessionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignerKind signerKind;
    @Column(nullable = false)
    private Long personId;
    @Column(nullable = false)
    private String signerName;
    @Column(nullable = false)
    private String tokenHash;
    @Column(nullable = false)
    private LocalDateTime expiresAt;
    private LocalDateTime signedAt;
    private String ipAddress;
    private String userAgent;
    private String proofHash;

    protected ElectronicSignature() {
    }

    ElectronicSignature(Long sessionId, SignerKind signerKind, Long personId, String signerName, String tokenHash,
                        LocalDateTime expiresAt) {
        this.sessionId = sessionId;
        this.signerKind = signerKind;
        this.personId = personId;
        this.signerName = signerName;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    /** A new link replaces the one not used yet (the page showing it was closed): the old one stops working. */
    void renew(String newTokenHash, LocalDateTime newExpiry) {
        this.tokenHash = newTokenHash;
        this.expiresAt = newExpiry;
    }

    void sign(LocalDateTime at, String ip, String browser, String proof) {
        this.signedAt = at;
        this.ipAddress = ip;
        this.userAgent = browser;
        this.proofHash = proof;
    }

    public boolean isSigned() {
        return signedAt != null;
    }

    public boolean isExpiredAt(LocalDateTime now) {
        return !now.isBefore(expiresAt);
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public SignerKind getSignerKind() { return signerKind; }
    public Long getPersonId() { return personId; }
    public String getSignerName() { return signerName; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public LocalDateTime getSignedAt() { return signedAt; }
    public String getIpAddress() { return ipAddress; }
    public String getUserAgent() { return userAgent; }
    public String getProofHash() { return proofHash; }
    String getTokenHash() { return tokenHash; }
}
