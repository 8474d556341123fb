package fr.formaflow.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DelegationRepository extends JpaRepository<Delegation, Long> {

    List<Delegation> findByDelegateGroupIdInAndStatus(Collection<String> groupIds, DelegationStatus status);

    @Query("select d from Delegation d where d.delegating.groupId = :groupId and d.status = :status")
    List<Delegation> findByDelegatingGroupIdAndStatus(String groupId, DelegationStatus status);

    List<Delegation> findByDelegateAndStatusIn(Organisation delegate, Collection<DelegationStatus> statuses);

    List<Delegation> findByDelegatingAndStatusIn(Organisation delegating, Collection<DelegationStatus> statuses);

    Optional<Delegation> findFirstByDelegateAndDelegatingAndStatusIn(Organisation delegate, Organisation delegating,
                                                                    Collection<DelegationStatus> statuses);
}
