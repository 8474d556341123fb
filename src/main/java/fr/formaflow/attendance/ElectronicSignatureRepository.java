package fr.formaflow.attendance;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ElectronicSignatureRepository extends JpaRepository<ElectronicSignature, Long> {

    /** The link's row, locked: a link clicked twice at once is used by one click only. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ElectronicSignature s where s.tokenHash = :tokenHash")
    Optional<ElectronicSignature> lockByTokenHash(String tokenHash);

    Optional<ElectronicSignature> findByTokenHash(String tokenHash);

    List<ElectronicSignature> findBySessionIdOrderBySignerKindAscSignerNameAsc(Long sessionId);

    List<ElectronicSignature> findBySessionIdIn(Collection<Long> sessionIds);
}
