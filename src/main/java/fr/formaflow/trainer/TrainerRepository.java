package fr.formaflow.trainer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainerRepository extends JpaRepository<Trainer, Long> {

    Optional<Trainer> findByOrganisationIdAndLastNameAndFirstName(Long organisationId, String lastName, String firstName);
}
