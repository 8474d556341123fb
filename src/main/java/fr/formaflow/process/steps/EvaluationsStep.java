package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.trainee.EvaluationRules;
import fr.formaflow.trainee.TraineeService;
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
        Map<Long, FormValues> rows = new HashMap<>();
        form.list("evaluations").forEach(row -> rows.put(row.longValue("traineeId", "N°"), row));
        List<EvaluationRules.TraineeEvaluation> evaluations = trainees.of(action.getId()).stream().map(trainee -> {
            FormValues row = rows.get(trainee.getId());
            return row == null || row.string("result") == null ? new EvaluationRules.TraineeEvaluation(trainee, null, null, null)
                    : new EvaluationRules.TraineeEvaluation(trainee, row.string("result"),
                    row.integer("satisfaction", "Évaluation du stagiaire"), row.string("comment"));
        }).toList();
        // every rule first, then the writes
        EvaluationRules.require(evaluations, form.string("trainerEvaluation"));
        evaluations.forEach(e -> e.trainee().evaluate(e.result(), e.satisfaction(), e.comment()));
        action.recordTrainerEvaluation(form.string("trainerEvaluation"));
    }
}
