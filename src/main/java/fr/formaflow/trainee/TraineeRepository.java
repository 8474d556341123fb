package fr.formaflow.trainee;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TraineeRepository extends JpaRepository<Trainee, Long> {

    @Query("select t from Trainee t where t.actionId = :actionId order by t.lastName, t.firstName")
    List<Trainee> findByActionIdOrderByLastNameAscFirstNameAsc(Long actionId);

    /** Who else was born that day, read as values: at scale dozens of people share a birth date, and only a namesake matters. */
    @Query("select new fr.formaflow.trainee.EnrolledPerson(t.actionId, t.lastName, t.firstName, t.birthDate, t.entryDate, t.exitDate)"
            + " from Trainee t where t.birthDate = :birthDate and t.actionId <> :actionId")
    List<EnrolledPerson> findPeopleBornOnElsewhere(java.time.LocalDate birthDate, Long actionId);

    /** Trainees who left on or before that date and have no follow-up survey of that kind. */
    @Query("select count(t) from Trainee t where t.exitDate <= :lastExit"
            + " and not exists (select s.id from FollowUpSurvey s where s.traineeId = t.id and s.kind = :kind)")
    long countLeftByWithoutSurvey(java.time.LocalDate lastExit, String kind);
}
