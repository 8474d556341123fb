package fr.formaflow.dossier;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PrestationRepository extends JpaRepository<Prestation, Long> {

    Optional<Prestation> findByActionId(Long actionId);
}
