package fr.formaflow.account;

import jakarta.persistence.LockModeType;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    /** Locked, so that two uses of the same link at the same time cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<AccountToken> findByTokenHash(String tokenHash);

    long countByUserIdAndCreatedAtAfter(String userId, LocalDateTime since);

    /** The user's links not used yet: a new link or a used one ends them. */
    java.util.List<AccountToken> findByUserIdAndUsedAtIsNull(String userId);
}
