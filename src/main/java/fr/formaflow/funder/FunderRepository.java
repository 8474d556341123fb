package fr.formaflow.funder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FunderRepository extends JpaRepository<Funder, Long> {

    Optional<Funder> findByCode(String code);

    /** A client's OPCO as the dossier names it: its record holds the SIRET its invoices need. */
    Optional<Funder> findFirstByNameIgnoreCase(String name);

    List<Funder> findByValidatorGroupIdIn(List<String> groupIds);

    /** The funders a user validates for, in either of their groups (the head office's too, at Formiris). */
    @Query("select f from Funder f where f.validatorGroupId in :groupIds or f.nationalValidatorGroupId in :groupIds order by f.id")
    List<Funder> findValidatedBy(List<String> groupIds);
}
