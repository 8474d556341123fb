package fr.formaflow.attendance;

import fr.formaflow.trainee.TraineeHours;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MonthlyHoursRepository extends JpaRepository<MonthlyHours, Long>, TraineeHours {

    @Query("select h from MonthlyHours h where h.declarationId = :declarationId")
    List<MonthlyHours> findByDeclarationId(Long declarationId);

    List<MonthlyHours> findByDeclarationIdIn(Collection<Long> declarationIds);
}
