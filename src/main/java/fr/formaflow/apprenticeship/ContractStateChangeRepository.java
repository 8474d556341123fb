package fr.formaflow.apprenticeship;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContractStateChangeRepository extends JpaRepository<ContractStateChange, Long> {

    List<ContractStateChange> findByContractIdOrderByChangedAtAscIdAsc(Long contractId);
}
