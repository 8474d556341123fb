package fr.formaflow.reports;

import fr.formaflow.attendance.HourLine;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers an action's recorded data for its pedagogical report. */
@Service
@Transactional(readOnly = true)
public class PedagogicalReports {

    private final TraineeService trainees;
    private final Editions editions;

    public PedagogicalReports(TraineeService trainees, Editions editions) {
        this.trainees = trainees;
        this.editions = editions;
    }

    public PedagogicalReport of(TrainingAction action) {
        Map<Long, HourLine> hours = editions.hoursPerTrainee(action);
        return PedagogicalReport.of(action.getTotalTrainees() == null ? 0 : action.getTotalTrainees(), trainees.of(action.getId()).stream()
                .map(t -> new PedagogicalReport.TraineeFacts(t.getExitType(), t.getEarlyExitReason(), t.getExitSituation(),
                        plannedHours(action, t), hours.getOrDefault(t.getId(), HourLine.zero(t.getId())))).toList());
    }

    /** The trainee's individual path when they have one, otherwise the action's hours. */
    static BigDecimal plannedHours(TrainingAction action, Trainee t) {
        BigDecimal centre = t.getPathHoursCentre() != null ? t.getPathHoursCentre() : action.getHoursCentre();
        BigDecimal company = t.getPathHoursCompany() != null ? t.getPathHoursCompany() : action.getHoursCompany();
        return (centre == null ? BigDecimal.ZERO : centre).add(company == null ? BigDecimal.ZERO : company);
    }
}
