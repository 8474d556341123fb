package fr.formaflow.invoicing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PortageOfferRepository extends JpaRepository<PortageOffer, Long> {

    List<PortageOffer> findByFunderIdOrderByRankInListAsc(Long funderId);

    Optional<PortageOffer> findByFunderIdAndCode(Long funderId, String code);
}
