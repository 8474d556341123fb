package fr.formaflow.process.steps;

import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.dossier.ChangeRequest;
import fr.formaflow.dossier.ChangeRequests;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.reports.ClosureRules;
import fr.formaflow.reports.PedagogicalReports;
import fr.formaflow.trainee.SurveyAnswers;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Clôturer l'action": every trainee has exited; the real end date (an amendment is asked for when it differs
 * from the planned one), the exit survey of each trainee, and the pedagogical report.
 */
@Component
public class ClosureStep implements TaskStep {

    private final DossierService dossiers;
    private final ChangeRequests changeRequests;
    private final TraineeService trainees;
    private final PedagogicalReports pedagogicalReports;
    private final ConsistencyCheck consistency;

    public ClosureStep(DossierService dossiers, ChangeRequests changeRequests, TraineeService trainees, PedagogicalReports pedagogicalReports, ConsistencyCheck consistency) {
        this.consistency = consistency;
        this.dossiers = dossiers;
        this.changeRequests = changeRequests;
        this.trainees = trainees;
        this.pedagogicalReports = pedagogicalReports;
    }

    @Override
    public String formId() {
        return "close-action";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        Map<String, Object> values = new HashMap<>();
        values.put("realEnd", (action.getRealEnd() == null ? action.getPlannedEnd() : action.getRealEnd()).toString());
        values.put("requestEndDateChange", false);
        values.put("endDateChangeReason", null);
        // pre-filled from the recorded data; the organisation adds its assessment
        values.put("pedagogicalReport", action.getPedagogicalReport() != null ? action.getPedagogicalReport()
                : pedagogicalReports.of(action).draft());
        values.put("fundingAgreementUploaded", false);
        values.put("surveys", FormJson.rows(trainees.of(action.getId()).stream().map(t -> FormJson.row(
                "traineeId", t.getId(), "name", t.fullName(), "situation", t.getExitSituation(), "contract", t.getExitContract())).toList()));
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        LocalDate realEnd = form.date("realEnd", "Date de fin réelle");
        if (form.bool("requestEndDateChange")) {
            changeRequests.requestDateChange(context.dossierId(), ChangeRequest.Kind.END_DATE, realEnd, form.string("endDateChangeReason"),
                    context.userId());
            context.route("endDateChangeRequested", true);
            return;
        }
        TrainingAction action = dossiers.get(context.dossierId());
        List<Trainee> all = trainees.of(action.getId());
        Map<Long, FormValues> surveys = new HashMap<>();
        form.list("surveys").forEach(row -> surveys.put(row.longValue("traineeId", "N°"), row));
        String report = form.string("pedagogicalReport");
        // every rule first (the closure's, then the consistency check's), then the writes
        Map<Trainee, SurveyAnswers.Answer> answers = ClosureRules.require(action, realEnd, report, all.stream().map(t -> {
            FormValues survey = surveys.get(t.getId());
            return new ClosureRules.TraineeExit(t, survey == null ? null : survey.string("situation"),
                    survey == null ? null : survey.string("contract"));
        }).toList());
        consistency.requireNothingBlocking(action, "L'action ne peut pas être clôturée");
        answers.forEach((trainee, answer) -> trainee.recordExitSurvey(answer.situation(), answer.contract()));
        dossiers.close(context.dossierId(), realEnd, report);
        context.route("endDateChangeRequested", false);
        context.route("followUpTrainees", new ArrayList<>(all.stream().map(Trainee::getId).toList()));
    }
}
