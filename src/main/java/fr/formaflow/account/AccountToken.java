package fr.formaflow.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A single-use link sent by e-mail to set a password. Only the SHA-256 of the token is stored. */
@Entity
@Table(name = "account_token")
public class AccountToken {

    public enum Purpose {
        /** First password of a new account. */
        ACTIVATION,
        /** "Mot de passe oublié". */
        RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String userId;

    @Column(nullable = false, unique = true)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    @Column(nullable = false)
    private LocalDateTime expiresAt;

    private LocalDateTime usedAt;

    protected AccountToken() {
    }

    AccountToken(String userId, String tokenHash, Purpose purpose, LocalDateTime createdAt, LocalDateTime expiresAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(LocalDateTime now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(LocalDateTime now) {
        usedAt = now;
    }

    public String getUserId() { return userId; }
    public Purpose getPurpose() { return purpose; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public LocalDateTime getUsedAt() { return usedAt; }
}
