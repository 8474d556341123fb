package fr.formaflow.trainee;

/**
 * Whether hours are recorded for a trainee (then the trainee can no longer be deleted). Implemented by the
 * attendance capability's MonthlyHoursRepository, above trainee.
 */
public interface TraineeHours {

    boolean existsByTraineeId(Long traineeId);
}
