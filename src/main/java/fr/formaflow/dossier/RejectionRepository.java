package fr.formaflow.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RejectionRepository extends JpaRepository<Rejection, Long> {

    List<Rejection> findByActionIdAndStepOrderByRejectedAtDescIdDesc(Long actionId, String step);

    List<Rejection> findByActionIdOrderByRejectedAtDescIdDesc(Long actionId);
}
