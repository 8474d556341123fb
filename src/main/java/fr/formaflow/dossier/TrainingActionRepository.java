package fr.formaflow.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrainingActionRepository extends JpaRepository<TrainingAction, Long> {

    @Query("select a from TrainingAction a where a.contractNumber = :contractNumber")
    Optional<TrainingAction> findByContractNumber(String contractNumber);

    /**
     * Who works on a dossier, read from the domain: its id, its organisation's group and the group of the validators who
     * handle it (its funder's, or at Formiris the association territoriale's or the head office's, by its scope).
     */
    record Route(long dossierId, String organisationGroup, String funderGroup) {
    }

    @Query("select new fr.formaflow.dossier.TrainingActionRepository$Route(a.id, a.organisation.groupId, a.validatorGroupId)"
            + " from TrainingAction a where a.contractNumber = :contractNumber")
    Optional<Route> findRouteByContractNumber(String contractNumber);

    record PhaseCount(DossierPhase phase, long dossiers) {
    }

    record FunderCount(String funder, long dossiers) {
    }

    /** How many dossiers each phase holds; a phase without any is left out. */
    @Query("select new fr.formaflow.dossier.TrainingActionRepository$PhaseCount(a.phase, count(a)) from TrainingAction a group by a.phase")
    List<PhaseCount> countByPhase();

    /** How many dossiers each funder has, by the funder's name. */
    @Query("select new fr.formaflow.dossier.TrainingActionRepository$FunderCount(f.name, count(a)) from TrainingAction a join a.funder f"
            + " group by f.name")
    List<FunderCount> countByFunder();

    /** The dossiers a user may see: those of their organisations and those their validator groups handle. */
    @Query("select a from TrainingAction a where a.organisation.groupId in :groups or a.validatorGroupId in :groups "
            + "order by a.programmingYear desc, a.contractNumber")
    List<TrainingAction> findVisibleTo(Collection<String> groups);

    /** The actions an organisation takes part in as a subcontractor of their titular (for its BPF). */
    @Query("select a from TrainingAction a join a.subcontractorIds s where s = :organisationId order by a.id")
    List<TrainingAction> findBySubcontractor(Long organisationId);

    /**
     * The search's filters, in SQL that H2 and PostgreSQL both run: the text in the contract number and title (one
     * expression, which PostgreSQL indexes by trigrams: V13_1) or one of the organisations whose name matches.
     */
    String SEARCH_FILTERS = " (cast(:phase as varchar) is null or a.phase = cast(:phase as varchar))"
            + " and (cast(:year as integer) is null or a.programming_year = cast(:year as integer))"
            + " and (cast(:pattern as varchar) is null or lower(a.contract_number || ' ' || a.title) like cast(:pattern as varchar)"
            + " escape '\\' or a.organisation_id in (:namedOrganisationIds))";

    /**
     * A page of the dossiers of these organisations (ids; never empty) or handled by these validator groups, newest first.
     * The count adds the validators' dossiers to the organisations' other ones: with the two conditions joined by
     * « or », PostgreSQL reads the whole table to count a funder's dossiers; apart, each is an index-only count.
     */
    @Query(nativeQuery = true, value = "select a.* from training_action a"
            + " where (a.organisation_id in (:organisationIds) or a.validator_group_id in (:validatorGroups)) and" + SEARCH_FILTERS
            + " order by a.created_at desc, a.id desc",
            countQuery = "select (select count(*) from training_action a where a.validator_group_id in (:validatorGroups) and"
                    + SEARCH_FILTERS + ") + (select count(*) from training_action a where a.organisation_id in (:organisationIds)"
                    + " and a.validator_group_id not in (:validatorGroups) and" + SEARCH_FILTERS + ")")
    Page<TrainingAction> searchVisible(Collection<Long> organisationIds, Collection<String> validatorGroups, String pattern,
                                       Collection<Long> namedOrganisationIds, String phase, Integer year, Pageable page);

    /** A page of every dossier, newest first (operators). */
    @Query(nativeQuery = true, value = "select a.* from training_action a where" + SEARCH_FILTERS
            + " order by a.created_at desc, a.id desc",
            countQuery = "select count(*) from training_action a where" + SEARCH_FILTERS)
    Page<TrainingAction> searchAll(String pattern, Collection<Long> namedOrganisationIds, String phase, Integer year, Pageable page);
}
