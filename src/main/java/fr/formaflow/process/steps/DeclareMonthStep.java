package fr.formaflow.process.steps;

import fr.formaflow.attendance.AbsenceEntry;
import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.EarlyExitReasons;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.attendance.TraineeMonth;
import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FormValues;
import fr.formaflow.platform.French;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.security.AsSystem;
import fr.formaflow.trainee.Trainee;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** "Déclarer les heures du mois": one row per trainee present in the month, absences, exits, and the confirmation. */
@Component
public class DeclareMonthStep implements TaskStep {

    static final String TASK_KEY = "Task_DeclareMonth";

    private final DossierService dossiers;
    private final AttendanceService attendance;
    private final Clock clock;
    private final TaskService taskService;
    /** Refreshing an open task's prefill is Formaflow's own write: users may not write task variables. */
    private final AsSystem asSystem;

    private final ConsistencyCheck consistency;

    public DeclareMonthStep(DossierService dossiers, AttendanceService attendance, Clock clock,
                            TaskService taskService, ConsistencyCheck consistency, AsSystem asSystem) {
        this.asSystem = asSystem;
        this.consistency = consistency;
        this.taskService = taskService;
        this.dossiers = dossiers;
        this.attendance = attendance;
        this.clock = clock;
    }

    @Override
    public String formId() {
        return "declare-month";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        YearMonth month = month(context);
        MonthlyDeclaration declaration = attendance.declaration(context.dossierId(), month);
        FunderRules rules = FunderRules.from(context.variable("rules"));
        TrainingAction action = dossiers.get(context.dossierId());
        Map<String, Object> values = new HashMap<>();
        values.put("details", "Mois déclaré : " + French.month(month) + "\nÀ confirmer au plus tard le " + French.date(declaration.getDeadline())
                + "\nMotifs de sortie anticipée ouvrant droit au paiement jusqu'à la fin de l'action : "
                + rules.admissibleEarlyExitReasons().stream().map(EarlyExitReasons.LABELS::get).collect(Collectors.joining(", ")));
        values.put("hours", hourRows(action, month));
        values.put("absences", FormJson.rows(attendance.absences(context.dossierId(), month).stream().map(a -> FormJson.row(
                "traineeId", a.getTraineeId(), "start", a.getStart().toString(), "end", a.getEnd().toString(), "reason", a.getReason(),
                "place", a.getPlace().name(), "hours", a.getHours())).toList()));
        values.put("earlyExitReasonOptions", FormJson.options(EarlyExitReasons.LABELS));
        values.put("absenceProofHint", rules.absenceAttestationAllowed()
                ? "Absences justifiées : versez leurs justificatifs (type « Justificatif d'absence », mois " + month + ") ou, "
                + action.getFunder().getName() + " l'acceptant, cochez l'attestation de l'organisme ci-dessous."
                : "Absences justifiées : versez leurs justificatifs (type « Justificatif d'absence », mois " + month + ") ; "
                + action.getFunder().getName() + " ne paie pas d'absence justifiée sans justificatif.");
        values.put("absencesAttested", declaration.isAbsencesAttested());
        values.put("confirmed", false);
        return values;
    }

    /** One row per trainee in training that month, with the hours already recorded (imported or from the half-days). */
    private Object hourRows(TrainingAction action, YearMonth month) {
        Map<Long, HourLine> existing = attendance.hourLines(action.getId(), month).stream()
                .collect(Collectors.toMap(HourLine::traineeId, l -> l));
        return FormJson.rows(attendance.traineesIn(action, month).stream().map(t -> row(t, existing.get(t.getId()))).toList());
    }

    /** After an import or an attendance sheet, the open declaration task shows the new hours. */
    public void refresh(TrainingAction action, YearMonth month) {
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(action.getContractNumber())
                .taskDefinitionKey(TASK_KEY).list()) {
            if (month.toString().equals(taskService.getVariable(task.getId(), "month"))) {
                asSystem.run(() -> taskService.setVariableLocal(task.getId(), "hours", hourRows(action, month)));
            }
        }
    }

    private static Map<String, Object> row(Trainee t, HourLine line) {
        return FormJson.row("traineeId", t.getId(), "name", t.fullName(),
                "centreCompleted", line == null ? null : line.centreCompleted(),
                "centreJustified", line == null ? null : line.centreJustified(),
                "centreUnjustified", line == null ? null : line.centreUnjustified(),
                "companyCompleted", line == null ? null : line.companyCompleted(),
                "companyJustified", line == null ? null : line.companyJustified(),
                "companyUnjustified", line == null ? null : line.companyUnjustified(),
                "exitDate", t.getExitDate() == null ? null : t.getExitDate().toString(),
                "exitType", t.getExitType(), "earlyExitReason", t.getEarlyExitReason());
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        List<TraineeMonth> rows = form.list("hours").stream().map(r -> new TraineeMonth(
                hourLine(r), r.date("exitDate", "Date de sortie"), r.string("exitType"), r.string("earlyExitReason"))).toList();
        List<AbsenceEntry> absences = form.list("absences").stream().map(a -> new AbsenceEntry(
                a.longValue("traineeId", "N° du stagiaire"), a.date("start", "Début"), a.date("end", "Fin"), a.string("reason"),
                a.string("place") == null ? null : Place.valueOf(a.string("place")), a.decimal("hours", "Nombre d'heures"))).toList();
        YearMonth month = month(context);
        // every rule first (the month's, then the consistency check's on the hours about to be confirmed), then the writes
        attendance.declare(action, month, rows, absences, form.bool("absencesAttested"), form.bool("confirmed"), context.userId(),
                clock.now(), () -> consistency.requireMonthConsistent(action, month, rows.stream()
                                .collect(Collectors.toMap(r -> r.hours().traineeId(), TraineeMonth::hours, (first, second) -> second)),
                        absences, form.bool("absencesAttested"), form.bool("confirmed")));
    }

    private static HourLine hourLine(FormValues r) {
        Long traineeId = r.longValue("traineeId", "N°");
        if (traineeId == null) {
            throw new BusinessRuleException("Une ligne de la déclaration n'indique pas le stagiaire.");
        }
        try {
            return new HourLine(traineeId, hours(r, "centreCompleted"), hours(r, "centreJustified"), hours(r, "centreUnjustified"),
                    hours(r, "companyCompleted"), hours(r, "companyJustified"), hours(r, "companyUnjustified"));
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException(e.getMessage());
        }
    }

    /** An empty cell means no hours. */
    private static BigDecimal hours(FormValues row, String key) {
        BigDecimal value = row.decimal(key, "Heures");
        return value == null ? BigDecimal.ZERO : value;
    }

    static YearMonth month(StepContext context) {
        return YearMonth.parse((String) context.variable("month"));
    }
}
