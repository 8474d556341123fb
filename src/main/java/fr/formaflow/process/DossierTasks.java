package fr.formaflow.process;

import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.DossierSummaries;
import fr.formaflow.dossier.TrainingActionRepository.Route;
import fr.formaflow.process.delegates.DossierRouting;
import fr.formaflow.process.delegates.DueDates;
import fr.formaflow.security.TasklistFilters;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What every task of a dossier's processes shows besides its own form: the dossier's summary, the reasons of past
 * rejections, and the task's due date (the rest, live, in the task's « Dossier » panel: {@link TaskWorkspace}). (The dossier's phase is not a task's business:
 * the phase sub-processes of training-dossier.bpmn enter it, through {@link DossierPhases}.)
 */
@Component
public class DossierTasks {

    /** The values {@link #shown} computes, which every dossier form may show. */
    static final Set<String> SHOWN = Set.of("summary", "rejections");

    /** The processes about one dossier: their business key is its contract number. */
    static final Set<String> DOSSIER_PROCESSES = Set.of("trainingDossier", "stepValidation", "monthlyDeclaration", "followUpSurvey", "changeRequest");

    private final DossierRouting routing;
    private final DossierSummaries summaries;
    private final DossierSummary summary;
    private final DueDates dueDates;

    public DossierTasks(DossierRouting routing, DossierSummaries summaries, DossierSummary summary, DueDates dueDates) {
        this.routing = routing;
        this.summaries = summaries;
        this.summary = summary;
        this.dueDates = dueDates;
    }

    /** The dossier a task works on and who works on it, read once from its business key; empty for the processes not about a dossier. */
    public Optional<Route> routeOf(DelegateTask task) {
        if (!isAboutADossier(task)) {
            return Optional.empty();
        }
        return Optional.of(routing.find(task.getExecution()).orElseThrow(() -> new IllegalStateException(
                "No dossier has the contract number « " + task.getExecution().getProcessBusinessKey() + " » of task " + task.getId())));
    }

    static boolean isAboutADossier(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        return definitionId != null && DOSSIER_PROCESSES.contains(definitionId.substring(0, definitionId.indexOf(':')));
    }

    /**
     * What a dossier task keeps when it is created: its due date, and on the organisation's step that came back the
     * notice its Tasklist card shows. The summary and past rejections are not stored: see {@link #shown}.
     */
    public Map<String, Object> prepare(StepContext context, Map<String, String> properties) {
        String phase = properties.get("phase");
        if (phase != null) {
            // only dossiers started on a model older than the phase sub-processes: their tasks still carry the phase
            summaries.enterPhase(context.dossierId(), DossierPhase.valueOf(phase));
        }
        Map<String, Object> values = new HashMap<>();
        if (context.decides() == null) {
            // the organisation's step came back: its card in Tasklist says so (a validator's task decides, it is not returned)
            String returned = summaries.returnedNotice(context.dossierId(), rejectionStep(context));
            if (returned != null) {
                values.put(TasklistFilters.RETURNED, returned);
            }
        }
        String due = properties.get("due");
        if (due != null) {
            DelegateTask task = context.task();
            dueDates.of(due, task).ifPresent(date -> task.setDueDate(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant())));
        }
        return values;
    }

    /**
     * What every dossier task's form shows above its own fields, computed when the form is read (Tasklist's
     * form-variables), never written to the task: the dossier's summary as it is now and the reasons of past
     * rejections of this step. (The funder's checklist is in the task's « Dossier » panel.)
     */
    public Map<String, Object> shown(StepContext context) {
        Map<String, Object> values = new HashMap<>();
        values.put("summary", summary.of(context.dossierId()));
        String rejections = summaries.rejections(context.dossierId(), rejectionStep(context));
        if (rejections != null) {
            values.put("rejections", rejections);
        }
        return values;
    }

    /** Monthly steps keep their rejections per month: "MONTH:2026-03". */
    public static String rejectionStep(StepContext context) {
        return rejectionStep(context.step(), context.task().getVariable("month"));
    }

    static String rejectionStep(String step, Object month) {
        return "MONTH".equals(step) && month != null ? "MONTH:" + month : step;
    }
}
