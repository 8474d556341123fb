package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.trainee.EvaluationLinks;
import fr.formaflow.trainee.EvaluationRules;
import fr.formaflow.trainee.TraineeService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * "Saisir les évaluations": the organisation validates each trainee's skills; the trainees' ratings and the trainers'
 * evaluations are shown as they sent them through their links (EvaluationLinks), never typed here.
 */
@Component
public class EvaluationsStep implements TaskStep {

    private final DossierService dossiers;
    private final TraineeService trainees;
    /** The form's read-only values; "evaluations" is also the list the organisation submits, with each trainee's result. */
    private static final Set<String> SHOWN = Set.of("evaluations", "trainerEvaluation", "evaluationsReceived");

    private final EvaluationLinks links;

    public EvaluationsStep(DossierService dossiers, TraineeService trainees, EvaluationLinks links) {
        this.dossiers = dossiers;
        this.trainees = trainees;
        this.links = links;
    }

    /** How many of the people asked have answered, and where the links are given. */
    static String received(List<EvaluationLinks.Status> statuses) {
        long trainees = statuses.stream().filter(s -> s.kind().equals("TRAINEE")).count();
        long trainers = statuses.size() - trainees;
        long traineesAnswered = statuses.stream().filter(s -> s.kind().equals("TRAINEE") && s.answered()).count();
        long trainersAnswered = statuses.stream().filter(s -> s.kind().equals("TRAINER") && s.answered()).count();
        String where = " Les stagiaires et les formateurs remplissent leur évaluation eux-mêmes, avec le lien à usage unique "
                + "donné depuis la page du dossier (section « Évaluations »).";
        return statuses.isEmpty() ? "Aucun lien d'évaluation n'a encore été donné." + where
                : "Évaluations reçues : " + traineesAnswered + " stagiaire(s) sur " + trainees + ", " + trainersAnswered
                        + " formateur(s) sur " + trainers + "." + where;
    }

    @Override
    public String formId() {
        return "evaluations";
    }

    /** Nothing is stored on the task: the answers arrive while it is open, so the form reads them when it is shown. */
    @Override
    public Map<String, Object> prefill(StepContext context) {
        return Map.of();
    }

    @Override
    public Set<String> shownKeys() {
        return SHOWN;
    }

    /**
     * The trainees with their skills validation so far and their own rating and comment, the trainers' evaluations and
     * who has answered, as they are when the form is read.
     */
    @Override
    public Map<String, Object> shown(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        Map<String, Object> values = new HashMap<>();
        values.put("evaluations", FormJson.rows(trainees.of(action.getId()).stream().map(t -> FormJson.row(
                "traineeId", t.getId(), "name", t.fullName(), "result", t.getEvaluationResult(),
                "satisfaction", t.getSatisfaction() == null ? null : t.getSatisfaction().toString(),
                "comment", t.getEvaluationComment())).toList()));
        values.put("trainerEvaluation", action.getTrainerEvaluation());
        values.put("evaluationsReceived", received(links.of(action)));
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        Map<Long, FormValues> rows = new HashMap<>();
        form.list("evaluations").forEach(row -> rows.put(row.longValue("traineeId", "N°"), row));
        List<EvaluationRules.TraineeEvaluation> evaluations = trainees.of(action.getId()).stream().map(trainee -> {
            FormValues row = rows.get(trainee.getId());
            // the trainee's rating and comment are the trainee's own (EvaluationLinks): only the skills validation is taken
            return new EvaluationRules.TraineeEvaluation(trainee, row == null ? null : row.string("result"), trainee.getSatisfaction(),
                    trainee.getEvaluationComment());
        }).toList();
        // every rule first, then the writes
        EvaluationRules.require(evaluations, action.getTrainerEvaluation());
        evaluations.forEach(e -> e.trainee().validateSkills(e.result()));
    }
}
