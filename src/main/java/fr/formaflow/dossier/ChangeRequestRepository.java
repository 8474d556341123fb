package fr.formaflow.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    List<ChangeRequest> findByActionIdAndStatusOrderByRequestedAtDescIdDesc(Long actionId, ChangeRequest.Status status);

    List<ChangeRequest> findByActionIdOrderByRequestedAtDescIdDesc(Long actionId);
}
