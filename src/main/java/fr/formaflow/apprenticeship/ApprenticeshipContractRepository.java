package fr.formaflow.apprenticeship;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApprenticeshipContractRepository extends JpaRepository<ApprenticeshipContract, Long> {

    /** The contracts of these CFAs' or these OPCOs' groups, matching the search text and state (each optional). */
    @Query("""
            select c from ApprenticeshipContract c
            where (c.cfa.groupId in :groups or c.funder.validatorGroupId in :groups or :all = true)
              and (:state is null or c.state = :state)
              and (:text is null
                   or lower(c.apprenticeLastName) like :text or lower(c.apprenticeFirstName) like :text
                   or lower(c.employerName) like :text or lower(c.contractNumber) like :text or lower(c.opcoActionNumber) like :text)
            order by c.stateSince desc, c.id desc""")
    List<ApprenticeshipContract> search(@Param("groups") Collection<String> groups, @Param("all") boolean all,
                                        @Param("state") ContractState state, @Param("text") String text);

    boolean existsByFunderIdAndContractNumber(Long funderId, String contractNumber);
}
