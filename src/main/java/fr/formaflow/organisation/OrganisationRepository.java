package fr.formaflow.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findBySiret(String siret);

    List<Organisation> findByGroupIdIn(List<String> groupIds);
}
