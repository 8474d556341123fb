package fr.formaflow.organisation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DelegationRepository extends JpaRepository<Delegation, Long> {

    List<Delegation> findByDelegateGroupIdIn(Collection<String> groupIds);

    List<Delegation> findByDelegatingGroupId(String groupId);

    boolean existsByDelegateAndDelegating(Organisation delegate, Organisation delegating);
}
