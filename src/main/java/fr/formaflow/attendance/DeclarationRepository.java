package fr.formaflow.attendance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeclarationRepository extends JpaRepository<MonthlyDeclaration, Long> {

    Optional<MonthlyDeclaration> findByActionIdAndMonth(Long actionId, String month);

    List<MonthlyDeclaration> findByActionIdOrderByMonth(Long actionId);
}
