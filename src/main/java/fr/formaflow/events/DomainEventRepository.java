package fr.formaflow.events;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DomainEventRepository extends JpaRepository<DomainEvent, String> {

    @Query("select max(e.sequence) from DomainEvent e where e.dossierId = ?1")
    Optional<Long> lastSequence(Long dossierId);
}
