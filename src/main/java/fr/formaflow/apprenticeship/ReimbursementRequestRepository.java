package fr.formaflow.apprenticeship;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReimbursementRequestRepository extends JpaRepository<ReimbursementRequest, Long> {

    List<ReimbursementRequest> findByContractIdOrderByIdAsc(Long contractId);
}
