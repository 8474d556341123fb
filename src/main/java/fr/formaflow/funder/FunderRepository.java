package fr.formaflow.funder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FunderRepository extends JpaRepository<Funder, Long> {

    Optional<Funder> findByCode(String code);

    /** A client's OPCO as the dossier names it: its record holds the SIRET its invoices need. */
    Optional<Funder> findFirstByNameIgnoreCase(String name);

    List<Funder> findByValidatorGroupIdIn(List<String> groupIds);
}
