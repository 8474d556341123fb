package fr.formaflow.trainee;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FollowUpSurveyRepository extends JpaRepository<FollowUpSurvey, Long> {

    List<FollowUpSurvey> findByTraineeId(Long traineeId);
}
