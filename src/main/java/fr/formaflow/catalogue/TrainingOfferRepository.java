package fr.formaflow.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainingOfferRepository extends JpaRepository<TrainingOffer, Long> {

    Optional<TrainingOffer> findByActionId(Long actionId);

    List<TrainingOffer> findByOrganisationIdOrderByIdDesc(Long organisationId);
}
