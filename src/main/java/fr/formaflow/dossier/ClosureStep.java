package fr.formaflow.dossier;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
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
    private final TraineeService trainees;

    public ClosureStep(DossierService dossiers, TraineeService trainees) {
        this.dossiers = dossiers;
        this.trainees = trainees;
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
        values.put("pedagogicalReport", action.getPedagogicalReport());
        values.put("fundingAgreementUploaded", false);
        values.put("surveys", FormJson.rows(trainees.of(action.getId()).stream().map(t -> FormJson.row(
                "traineeId", t.getId(), "name", t.fullName(), "situation", t.getExitSituation(), "contract", t.getExitContract())).toList()));
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        LocalDate realEnd = form.date("realEnd", "Date de fin réelle");
        if (form.bool("requestEndDateChange")) {
            dossiers.requestDateChange(context.dossierId(), ChangeRequest.Kind.END_DATE, realEnd, form.string("endDateChangeReason"),
                    context.userId());
            context.route("endDateChangeRequested", true);
            return;
        }
        TrainingAction action = dossiers.get(context.dossierId());
        List<Trainee> all = trainees.of(action.getId());
        List<String> problems = new ArrayList<>();
        all.stream().filter(t -> !t.hasExited()).forEach(t -> problems.add(t.fullName()
                + " n'est pas sorti(e) de formation : indiquez sa date de sortie dans la dernière déclaration mensuelle."));
        Map<Long, FormValues> surveys = new HashMap<>();
        form.list("surveys").forEach(row -> surveys.put(row.longValue("traineeId", "N°"), row));
        for (Trainee trainee : all) {
            FormValues survey = surveys.get(trainee.getId());
            if (survey == null || survey.string("situation") == null) {
                problems.add(trainee.fullName() + " : l'enquête à la sortie (situation) est obligatoire.");
            } else {
                trainee.recordExitSurvey(survey.string("situation"), survey.string("contract"));
            }
        }
        BusinessRuleException.throwIfAny("L'action ne peut pas être clôturée :", problems);
        dossiers.close(context.dossierId(), realEnd, form.string("pedagogicalReport"));
        context.route("endDateChangeRequested", false);
        context.route("followUpTrainees", new ArrayList<>(all.stream().map(Trainee::getId).toList()));
    }
}
