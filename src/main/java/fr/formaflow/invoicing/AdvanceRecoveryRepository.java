package fr.formaflow.invoicing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AdvanceRecoveryRepository extends JpaRepository<AdvanceRecovery, Long> {

    Optional<AdvanceRecovery> findByActionId(Long actionId);
}
