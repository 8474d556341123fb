package fr.formaflow.trainee;

import fr.formaflow.platform.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where each trainee's surveys stand (exit, 6 months, 1 year), for the dossier's page, the funder and the reports. */
@Service
@Transactional(readOnly = true)
public class SurveyStatuses {

    public enum Stage {
        EXIT("à la sortie"), SIX_MONTHS("6 mois après la sortie"), ONE_YEAR("1 an après la sortie");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        FollowUpSurvey.Kind kind() {
            return this == SIX_MONTHS ? FollowUpSurvey.Kind.SIX_MONTHS : FollowUpSurvey.Kind.ONE_YEAR;
        }
    }

    public record Line(long traineeId, String trainee, LocalDate exitDate, Stage stage, LocalDate surveyDate, LocalDate deadline,
                       SurveySchedule.Status status, String situation, String contract) {

        public String statusLabel() {
            return status.label();
        }
    }

    private final TraineeService trainees;
    private final TraineeRepository traineeRows;
    private final FollowUpSurveyRepository surveys;
    private final Clock clock;

    public SurveyStatuses(TraineeService trainees, TraineeRepository traineeRows, FollowUpSurveyRepository surveys, Clock clock) {
        this.trainees = trainees;
        this.traineeRows = traineeRows;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** Every survey of the dossier's trainees, trainee by trainee. */
    public List<Line> of(long actionId) {
        LocalDate today = clock.today();
        List<Line> lines = new ArrayList<>();
        for (Trainee t : trainees.of(actionId)) {
            lines.add(new Line(t.getId(), t.fullName(), t.getExitDate(), Stage.EXIT, t.getExitDate(), null,
                    t.getExitSituation() == null ? SurveySchedule.Status.SCHEDULED : SurveySchedule.Status.ANSWERED,
                    t.getExitSituation(), t.getExitContract()));
            Map<FollowUpSurvey.Kind, FollowUpSurvey> answers = surveys.findByTraineeId(t.getId()).stream()
                    .collect(Collectors.toMap(s -> FollowUpSurvey.Kind.valueOf(s.getKind()), Function.identity(), (a, b) -> b));
            Set<FollowUpSurvey.Kind> answered = answers.isEmpty() ? EnumSet.noneOf(FollowUpSurvey.Kind.class) : EnumSet.copyOf(answers.keySet());
            for (Stage stage : List.of(Stage.SIX_MONTHS, Stage.ONE_YEAR)) {
                LocalDate exit = t.getExitDate();
                Optional<FollowUpSurvey> answer = Optional.ofNullable(answers.get(stage.kind()));
                lines.add(new Line(t.getId(), t.fullName(), exit, stage,
                        exit == null ? null : SurveySchedule.surveyDate(exit, stage.kind()),
                        exit == null ? null : SurveySchedule.deadline(exit, stage.kind()),
                        SurveySchedule.status(exit, stage.kind(), answered, today),
                        answer.map(FollowUpSurvey::getSituation).orElse(null), answer.map(FollowUpSurvey::getContract).orElse(null)));
            }
        }
        return lines;
    }

    /** How many follow-up surveys of every dossier are overdue today (the operator's dashboard). */
    public long overdueEverywhere() {
        LocalDate today = clock.today();
        long overdue = 0;
        for (FollowUpSurvey.Kind kind : FollowUpSurvey.Kind.values()) {
            overdue += traineeRows.countLeftByWithoutSurvey(SurveySchedule.lastOverdueExit(kind, today), kind.name());
        }
        return overdue;
    }

    /** The first follow-up survey of this trainee that has no answer yet (the one a reminder is about). */
    public FollowUpSurvey.Kind pending(long traineeId) {
        Set<String> answered = surveys.findByTraineeId(traineeId).stream().map(FollowUpSurvey::getKind).collect(Collectors.toSet());
        return answered.contains(FollowUpSurvey.Kind.SIX_MONTHS.name()) ? FollowUpSurvey.Kind.ONE_YEAR : FollowUpSurvey.Kind.SIX_MONTHS;
    }
}
