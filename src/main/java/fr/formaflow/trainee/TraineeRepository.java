package fr.formaflow.trainee;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TraineeRepository extends JpaRepository<Trainee, Long> {

    List<Trainee> findByActionIdOrderByLastNameAscFirstNameAsc(Long actionId);

    List<Trainee> findByBirthDateAndActionIdNot(java.time.LocalDate birthDate, Long actionId);
}
