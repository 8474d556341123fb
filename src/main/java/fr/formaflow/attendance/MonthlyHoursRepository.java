package fr.formaflow.attendance;

import fr.formaflow.trainee.TraineeHours;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonthlyHoursRepository extends JpaRepository<MonthlyHours, Long>, TraineeHours {

    List<MonthlyHours> findByDeclarationId(Long declarationId);

    List<MonthlyHours> findByDeclarationIdIn(Collection<Long> declarationIds);
}
