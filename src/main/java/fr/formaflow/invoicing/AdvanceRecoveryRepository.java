package fr.formaflow.invoicing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AdvanceRecoveryRepository extends JpaRepository<AdvanceRecovery, Long> {

    @Query("select r from AdvanceRecovery r where r.actionId = :actionId")
    Optional<AdvanceRecovery> findByActionId(Long actionId);
}
