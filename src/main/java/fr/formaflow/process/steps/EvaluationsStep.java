package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.security.AsSystem;
import fr.formaflow.trainee.EvaluationLinks;
import fr.formaflow.trainee.EvaluationRules;
import fr.formaflow.trainee.TraineeService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Saisir les évaluations": the organisation validates each trainee's skills; the trainees' ratings and the trainers'
 * evaluations are shown as they sent them through their links (EvaluationLinks), never typed here.
 */
@Component
public class EvaluationsStep implements TaskStep {

    private final DossierService dossiers;
    private final TraineeService trainees;
    static final String TASK_KEY = "Task_Evaluations";

    private final EvaluationLinks links;
    private final TaskService taskService;
    private final AsSystem asSystem;

    public EvaluationsStep(DossierService dossiers, TraineeService trainees, EvaluationLinks links, TaskService taskService, AsSystem asSystem) {
        this.dossiers = dossiers;
        this.trainees = trainees;
        this.links = links;
        this.taskService = taskService;
        this.asSystem = asSystem;
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

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return values(dossiers.get(context.dossierId()), Map.of());
    }

    /** The form's values; results: the skills validations already chosen in the open task, by trainee. */
    private Map<String, Object> values(TrainingAction action, Map<Long, String> results) {
        Map<String, Object> values = new HashMap<>();
        values.put("evaluations", FormJson.rows(trainees.of(action.getId()).stream().map(t -> FormJson.row(
                "traineeId", t.getId(), "name", t.fullName(), "result", results.getOrDefault(t.getId(), t.getEvaluationResult()),
                "satisfaction", t.getSatisfaction() == null ? null : t.getSatisfaction().toString(),
                "comment", t.getEvaluationComment())).toList()));
        values.put("trainerEvaluation", action.getTrainerEvaluation());
        values.put("evaluationsReceived", received(links.of(action)));
        return values;
    }

    /** An answer arrived while the task is open: the task shows it at once, keeping the results chosen meanwhile. */
    @EventListener
    public void refresh(EvaluationLinks.Changed changed) {
        TrainingAction action = dossiers.get(changed.actionId());
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(action.getContractNumber()).taskDefinitionKey(TASK_KEY).list()) {
            Map<Long, String> results = new HashMap<>();
            new FormValues(taskService.getVariablesLocal(task.getId())).list("evaluations").forEach(row -> {
                if (row.string("result") != null) {
                    results.put(row.longValue("traineeId", "N°"), row.string("result"));
                }
            });
            asSystem.run(() -> taskService.setVariablesLocal(task.getId(), values(action, results)));
        }
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
