package fr.formaflow.process.steps;

import fr.formaflow.compliance.CrossDossierChecks;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.dossier.Period;
import fr.formaflow.trainee.IndividualPath;
import fr.formaflow.trainee.TraineeRecord;
import fr.formaflow.trainee.TraineeService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Saisir les stagiaires" (and, after opening, "Mettre à jour les stagiaires"): one row per trainee record. */
@Component
public class TraineesStep implements TaskStep {

    private final DossierService dossiers;
    private final TraineeService trainees;
    private final CrossDossierChecks crossDossier;

    public TraineesStep(DossierService dossiers, TraineeService trainees, CrossDossierChecks crossDossier) {
        this.crossDossier = crossDossier;
        this.dossiers = dossiers;
        this.trainees = trainees;
    }

    @Override
    public String formId() {
        return "trainees";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return Map.of("trainees", FormJson.rows(trainees.of(context.dossierId()).stream().map(t -> FormJson.row(
                "id", t.getId(), "civility", t.getCivility(), "lastName", t.getLastName(), "firstName", t.getFirstName(),
                "birthDate", str(t.getBirthDate()), "sex", t.getSex(), "nationality", t.getNationality(),
                "socioProfessionalCategory", t.getSocioProfessionalCategory(), "address", t.getAddress(), "postcode", t.getPostcode(),
                "city", t.getCity(), "trainingAddress", t.getTrainingAddress(), "entryDate", str(t.getEntryDate()),
                "remunerationBody", t.getRemunerationBody(), "entryLevel", t.getEntryLevel(), "ageBracket", t.getAgeBracket(),
                "unemploymentDuration", t.getUnemploymentDuration(), "prescriber", t.getPrescriber(),
                "benefitRecipient", t.isBenefitRecipient(), "disabledWorker", t.isDisabledWorker(), "paid", t.isPaid(),
                "pathHoursCentre", t.getPathHoursCentre(), "pathHoursCompany", t.getPathHoursCompany(),
                "pathObjectives", t.getPathObjectives(), "vaePlanned", t.isVaePlanned(),
                "pathProfessionalProject", t.getPath().professionalProject(), "pathCompanyPeriodCount", t.getPath().companyPeriodCount(),
                "pathStart", str(t.getPath().start()), "pathEnd", str(t.getPath().end()),
                "pathGeneralModules", t.getPath().generalModules(), "pathProfessionalModules", t.getPath().professionalModules(),
                "pathCompanyObjectives", t.getPath().companyObjectives(),
                "pathPeriods", t.getPath().periods().stream().map(p -> Map.of("place", p.place().name(), "start", p.start().toString(),
                        "end", p.end().toString())).toList())).toList()));
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        List<TraineeRecord> records = form.list("trainees").stream().map(TraineesStep::record).toList();
        crossDossier.requireNoDoubleEnrolment(action, records);
        trainees.replaceAll(action, records);
    }

    static TraineeRecord record(FormValues r) {
        return new TraineeRecord(r.longValue("id", "N°"), r.string("civility"), r.string("lastName"), r.string("firstName"),
                r.date("birthDate", "Date de naissance"), r.string("sex"), r.string("nationality"), r.string("socioProfessionalCategory"),
                r.string("address"), r.string("postcode"), r.string("city"), r.string("trainingAddress"),
                r.date("entryDate", "Date d'entrée"), r.string("remunerationBody"), r.string("entryLevel"), r.string("ageBracket"),
                r.string("unemploymentDuration"), r.string("prescriber"), r.bool("benefitRecipient"), r.bool("disabledWorker"),
                r.bool("paid"), r.decimal("pathHoursCentre", "Heures en centre du parcours"),
                r.decimal("pathHoursCompany", "Heures en entreprise du parcours"), r.string("pathObjectives"), r.bool("vaePlanned"),
                new IndividualPath(r.string("pathProfessionalProject"), r.integer("pathCompanyPeriodCount", "Nombre de périodes en entreprise"),
                        r.list("pathPeriods").stream().map(p -> new Period(SubmissionStep.place(p.string("place")),
                                p.date("start", "Début de période du parcours"), p.date("end", "Fin de période du parcours"))).toList(),
                        r.string("pathGeneralModules"), r.string("pathProfessionalModules"), r.string("pathCompanyObjectives"),
                        r.date("pathStart", "Date de début du parcours"), r.date("pathEnd", "Date de fin du parcours")));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
