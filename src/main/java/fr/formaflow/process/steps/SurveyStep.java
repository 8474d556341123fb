package fr.formaflow.process.steps;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FormValues;
import fr.formaflow.platform.French;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.trainee.FollowUpSurvey;
import fr.formaflow.trainee.FollowUpSurveyRepository;
import fr.formaflow.trainee.SurveyAnswers;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Enquête à 6 mois" and "Enquête à 1 an": the trainee's situation after the training. */
@Component
public class SurveyStep implements TaskStep {

    private final TraineeService trainees;
    private final FollowUpSurveyRepository surveys;
    private final Clock clock;

    public SurveyStep(TraineeService trainees, FollowUpSurveyRepository surveys, Clock clock) {
        this.trainees = trainees;
        this.surveys = surveys;
        this.clock = clock;
    }

    @Override
    public String formId() {
        return "follow-up-survey";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Trainee trainee = trainee(context);
        Map<String, Object> values = new HashMap<>();
        values.put("details", "Stagiaire : " + trainee.fullName() + " — sorti(e) le " + French.date(trainee.getExitDate()) + "\n"
                + (kind(context) == FollowUpSurvey.Kind.SIX_MONTHS ? "Situation 6 mois après la sortie" : "Situation 1 an après la sortie"));
        values.put("situation", null);
        values.put("contract", null);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        Trainee trainee = trainee(context);
        java.util.List<String> problems = new java.util.ArrayList<>();
        SurveyAnswers.Answer answer = SurveyAnswers.check(trainee.fullName(), form.string("situation"), form.string("contract"), problems);
        BusinessRuleException.throwIfAny("L'enquête n'a pas été enregistrée :", problems);
        surveys.save(new FollowUpSurvey(trainee.getId(), kind(context), answer.situation(), answer.contract(), context.userId(), clock.now()));
    }

    private Trainee trainee(StepContext context) {
        return trainees.require(context.dossierId(), ((Number) context.variable("traineeId")).longValue());
    }

    private static FollowUpSurvey.Kind kind(StepContext context) {
        return "Task_SurveySixMonths".equals(context.task().getTaskDefinitionKey()) ? FollowUpSurvey.Kind.SIX_MONTHS : FollowUpSurvey.Kind.ONE_YEAR;
    }
}
