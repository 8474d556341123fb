package fr.formaflow.dossier;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RejectionRepository extends JpaRepository<Rejection, Long> {

    @Query("select r from Rejection r where r.actionId = :actionId and r.step = :step order by r.rejectedAt desc, r.id desc")
    List<Rejection> findByActionIdAndStepOrderByRejectedAtDescIdDesc(Long actionId, String step);

    List<Rejection> findByActionIdOrderByRejectedAtDescIdDesc(Long actionId);
}
