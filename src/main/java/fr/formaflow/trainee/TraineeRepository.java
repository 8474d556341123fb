package fr.formaflow.trainee;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TraineeRepository extends JpaRepository<Trainee, Long> {

    @Query("select t from Trainee t where t.actionId = :actionId order by t.lastName, t.firstName")
    List<Trainee> findByActionIdOrderByLastNameAscFirstNameAsc(Long actionId);

    List<Trainee> findByBirthDateAndActionIdNot(java.time.LocalDate birthDate, Long actionId);

    /** Trainees who left on or before that date and have no follow-up survey of that kind. */
    @Query("select count(t) from Trainee t where t.exitDate <= :lastExit"
            + " and not exists (select s.id from FollowUpSurvey s where s.traineeId = t.id and s.kind = :kind)")
    long countLeftByWithoutSurvey(java.time.LocalDate lastExit, String kind);
}
