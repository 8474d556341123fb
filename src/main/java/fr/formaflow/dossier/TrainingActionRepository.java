package fr.formaflow.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrainingActionRepository extends JpaRepository<TrainingAction, Long> {

    Optional<TrainingAction> findByContractNumber(String contractNumber);

    /** The dossiers a user may see: those of their organisations and of the funders they validate for. */
    @Query("select a from TrainingAction a where a.organisation.groupId in :groups or a.funder.validatorGroupId in :groups "
            + "order by a.programmingYear desc, a.contractNumber")
    List<TrainingAction> findVisibleTo(Collection<String> groups);
}
