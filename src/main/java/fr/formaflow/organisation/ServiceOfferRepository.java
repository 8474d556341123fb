package fr.formaflow.organisation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceOfferRepository extends JpaRepository<ServiceOffer, Long> {

    List<ServiceOffer> findByOrganisationGroupIdInOrValidatorGroupIdInOrderBySentAtDescIdDesc(Collection<String> organisationGroups,
                                                                                          Collection<String> validatorGroups);

    List<ServiceOffer> findAllByOrderBySentAtDescIdDesc();
}
