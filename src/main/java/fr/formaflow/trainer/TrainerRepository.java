package fr.formaflow.trainer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainerRepository extends JpaRepository<Trainer, Long> {

    Optional<Trainer> findByOrganisationIdAndLastNameAndFirstName(Long organisationId, String lastName, String firstName);

    /** The same person's records in other organisations: a freelance trainer is known by their e-mail address. */
    java.util.List<Trainer> findByEmailIgnoreCaseAndOrganisationIdNot(String email, Long organisationId);
}
