package fr.formaflow.attendance;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DeclarationRepository extends JpaRepository<MonthlyDeclaration, Long> {

    @Query("select d from MonthlyDeclaration d where d.actionId = :actionId and d.month = :month")
    Optional<MonthlyDeclaration> findByActionIdAndMonth(Long actionId, String month);

    @Query("select d from MonthlyDeclaration d where d.actionId = :actionId order by d.month")
    List<MonthlyDeclaration> findByActionIdOrderByMonth(Long actionId);

    /** The month's declaration, locked until the transaction ends: electronic signatures write its sheet one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from MonthlyDeclaration d where d.actionId = :actionId and d.month = :month")
    Optional<MonthlyDeclaration> lockMonth(Long actionId, String month);
}
