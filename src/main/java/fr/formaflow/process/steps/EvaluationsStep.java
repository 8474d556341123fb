package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormJson;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Saisir les évaluations": each trainee's evaluation and skills validation, and the trainers' evaluation. */
@Component
public class EvaluationsStep implements TaskStep {

    private final DossierService dossiers;
    private final TraineeService trainees;

    public EvaluationsStep(DossierService dossiers, TraineeService trainees) {
        this.dossiers = dossiers;
        this.trainees = trainees;
    }

    @Override
    public String formId() {
        return "evaluations";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        Map<String, Object> values = new HashMap<>();
        values.put("evaluations", FormJson.rows(trainees.of(action.getId()).stream().map(t -> FormJson.row(
                "traineeId", t.getId(), "name", t.fullName(), "result", t.getEvaluationResult(),
                "satisfaction", t.getSatisfaction() == null ? null : t.getSatisfaction().toString(),
                "comment", t.getEvaluationComment())).toList()));
        values.put("trainerEvaluation", action.getTrainerEvaluation());
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        List<String> problems = new ArrayList<>();
        Map<Long, FormValues> rows = new HashMap<>();
        form.list("evaluations").forEach(row -> rows.put(row.longValue("traineeId", "N°"), row));
        for (Trainee trainee : trainees.of(action.getId())) {
            FormValues row = rows.get(trainee.getId());
            if (row == null || row.string("result") == null) {
                problems.add(trainee.fullName() + " : la validation des acquis est obligatoire.");
                continue;
            }
            trainee.evaluate(row.string("result"), row.integer("satisfaction", "Évaluation du stagiaire"), row.string("comment"));
        }
        BusinessRuleException.throwIfAny("Les évaluations ne peuvent pas être transmises :", problems);
        action.recordTrainerEvaluation(form.string("trainerEvaluation"));
    }
}
