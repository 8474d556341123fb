package fr.formaflow.trainee;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvaluationLinkRepository extends JpaRepository<EvaluationLink, Long> {

    List<EvaluationLink> findByActionIdOrderByKindAscPersonNameAsc(Long actionId);

    Optional<EvaluationLink> findByTokenHash(String tokenHash);
}
