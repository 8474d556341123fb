package fr.formaflow.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DelegatedActRepository extends JpaRepository<DelegatedAct, Long> {

    /** The acts done under the delegations this organisation is either side of, newest first. */
    @Query("select a from DelegatedAct a where a.delegation.delegate = ?1 or a.delegation.delegating = ?1 order by a.doneAt desc, a.id desc")
    List<DelegatedAct> concerning(Organisation organisation);
}
