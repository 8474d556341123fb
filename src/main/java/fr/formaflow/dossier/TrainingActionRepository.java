package fr.formaflow.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrainingActionRepository extends JpaRepository<TrainingAction, Long> {

    Optional<TrainingAction> findByContractNumber(String contractNumber);

    /** The dossiers a user may see: those of their organisations and of the funders they validate for. */
    @Query("select a from TrainingAction a where a.organisation.groupId in :groups or a.funder.validatorGroupId in :groups "
            + "order by a.programmingYear desc, a.contractNumber")
    List<TrainingAction> findVisibleTo(Collection<String> groups);

    String SEARCH_FILTERS = " (:phase is null or a.phase = :phase) and (:year is null or a.programmingYear = :year)"
            + " and (:pattern is null or lower(a.contractNumber) like :pattern escape '\\' or lower(a.title) like :pattern escape '\\'"
            + " or lower(o.name) like :pattern escape '\\')";

    /** A page of the dossiers of these organisations or funders (ids; never empty), newest first. */
    @Query(value = "select a from TrainingAction a join fetch a.organisation o join fetch a.funder f"
            + " where (o.id in :organisationIds or f.id in :funderIds) and" + SEARCH_FILTERS
            + " order by a.createdAt desc, a.id desc",
            countQuery = "select count(a) from TrainingAction a join a.organisation o join a.funder f"
                    + " where (o.id in :organisationIds or f.id in :funderIds) and" + SEARCH_FILTERS)
    Page<TrainingAction> searchVisible(Collection<Long> organisationIds, Collection<Long> funderIds, String pattern, DossierPhase phase,
                                       Integer year, Pageable page);

    /** A page of every dossier, newest first (operators). */
    @Query(value = "select a from TrainingAction a join fetch a.organisation o join fetch a.funder f where" + SEARCH_FILTERS
            + " order by a.createdAt desc, a.id desc",
            countQuery = "select count(a) from TrainingAction a join a.organisation o where" + SEARCH_FILTERS)
    Page<TrainingAction> searchAll(String pattern, DossierPhase phase, Integer year, Pageable page);
}
