package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.Submissions;
import fr.formaflow.dossier.TrainerEntry;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.trainer.TrainerRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Mettre à jour les formateurs", after the funder accepted a trainer change. */
@Component
public class TrainersStep implements TaskStep {

    private final DossierService dossiers;
    private final Submissions submissions;
    private final TrainerRepository trainers;

    public TrainersStep(DossierService dossiers, Submissions submissions, TrainerRepository trainers) {
        this.dossiers = dossiers;
        this.submissions = submissions;
        this.trainers = trainers;
    }

    @Override
    public String formId() {
        return "trainers";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return Map.of("trainers", rows(dossiers.get(context.dossierId()), trainers));
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        submissions.updateTrainers(context.dossierId(), entries(form));
    }

    /** The action's trainers as rows of the "trainers" dynamic list (also in "Déposer le dossier"). */
    static Object rows(TrainingAction action, TrainerRepository trainers) {
        return FormJson.rows(action.getTrainers().stream().map(t -> trainers.findById(t.trainerId()).map(tr -> FormJson.row(
                "lastName", tr.getLastName(), "firstName", tr.getFirstName(), "email", tr.getEmail(), "domain", tr.getDomain(),
                "status", tr.getStatus(), "hours", t.hours(), "experience", tr.getExperience())).orElseThrow()).toList());
    }

    static List<TrainerEntry> entries(FormValues form) {
        return form.list("trainers").stream().map(t -> new TrainerEntry(t.string("lastName"), t.string("firstName"), t.string("email"),
                t.string("domain"), t.string("status"), t.decimal("hours", "Heures assurées"), t.string("experience"))).toList();
    }
}
