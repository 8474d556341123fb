package fr.formaflow.process.steps;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.Programme;
import fr.formaflow.dossier.Submissions;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingNature;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import fr.formaflow.trainer.TrainerRepository;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Déposer le dossier": programme, periods, clients and trainers, pre-filled with what was entered before. */
@Component
public class SubmissionStep implements TaskStep {

    /** The programme's amounts are typed in euros: the form's keys of the components whose names differ. */
    private static final Map<String, String> FORM_KEYS = Map.of(
            "priceCentreCents", "priceCentreEuros", "priceCompanyCents", "priceCompanyEuros",
            "unitCostCentreCents", "unitCostCentreEuros", "unitCostCompanyCents", "unitCostCompanyEuros",
            "programme", "priceCentreEuros");

    private final DossierService dossiers;
    private final Submissions submissions;
    private final TrainerRepository trainers;
    private final OrganisationRepository organisations;

    public SubmissionStep(DossierService dossiers, Submissions submissions, TrainerRepository trainers, OrganisationRepository organisations) {
        this.dossiers = dossiers;
        this.submissions = submissions;
        this.trainers = trainers;
        this.organisations = organisations;
    }

    @Override
    public String formId() {
        return "submit-dossier";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        TrainingAction a = dossiers.get(context.dossierId());
        Map<String, Object> v = new HashMap<>();
        v.put("title", a.getTitle());
        v.put("objectives", a.getObjectives());
        v.put("content", a.getContent());
        v.put("formacode", a.getFormacode());
        v.put("nature", a.getNature() == null ? null : a.getNature().name());
        v.put("collective", a.getPlannedStart() == null ? null : String.valueOf(a.isCollective()));
        v.put("esfCofunded", a.isEsfCofunded());
        v.put("hoursCentre", a.getHoursCentre());
        v.put("hoursCompany", a.getHoursCompany());
        v.put("plannedStart", a.getPlannedStart() == null ? null : a.getPlannedStart().toString());
        v.put("plannedEnd", a.getPlannedEnd() == null ? null : a.getPlannedEnd().toString());
        v.put("location", a.getLocation());
        v.put("totalTrainees", a.getTotalTrainees());
        v.put("paidTrainees", a.getPaidTrainees());
        v.put("priceCentreEuros", euros(a.getPriceCentreCents()));
        v.put("priceCompanyEuros", euros(a.getPriceCompanyCents()));
        v.put("unitCostCentreEuros", euros(a.getUnitCostCentreCents()));
        v.put("unitCostCompanyEuros", euros(a.getUnitCostCompanyCents()));
        v.put("periods", periodRows(a));
        v.put("clients", FormJson.rows(a.getClients().stream().map(c -> FormJson.row(
                "name", c.name(), "siret", c.siret(), "address", c.address(), "email", c.email(), "opco", c.opco())).toList()));
        v.put("trainers", TrainersStep.rows(a, trainers));
        v.put("subcontractors", FormJson.rows(organisations.findAllById(a.getSubcontractorIds()).stream()
                .map(o -> FormJson.row("siret", o.getSiret())).toList()));
        return v;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        String title = form.string("title");
        if (title != null && title.length() > fr.formaflow.platform.FieldLimits.TITLE) {
            // a task's refusal is a BusinessRuleException: Tasklist and /engine-rest show it as a French 400
            throw fr.formaflow.platform.BusinessRuleException.about("title", "« Intitulé » ne doit pas dépasser " + fr.formaflow.platform.FieldLimits.TITLE
                    + " caractères (" + title.length() + " reçus).");
        }
        Programme programme = new Programme(
                form.string("title"), form.string("objectives"), form.string("content"), form.string("formacode"),
                nature(form.string("nature")), form.optionalBool("collective"),
                form.decimal("hoursCentre", "Durée en centre"), form.decimal("hoursCompany", "Durée en entreprise"),
                form.date("plannedStart", "Date de début prévue"), form.date("plannedEnd", "Date de fin prévue"),
                form.string("location"),
                form.integer("totalTrainees", "Effectif total"), form.integer("paidTrainees", "Effectif rémunéré"),
                form.cents("priceCentreEuros", "Prix total en centre"), form.cents("priceCompanyEuros", "Prix total en entreprise"),
                form.cents("unitCostCentreEuros", "Coût unitaire en centre"), form.cents("unitCostCompanyEuros", "Coût unitaire en entreprise"),
                periods(form),
                form.list("clients").stream().map(c -> new ClientCompany(c.string("name"),
                        c.string("siret") == null ? null : c.string("siret").replaceAll("\\s", ""),
                        c.string("address"), c.string("email"), c.string("opco"))).toList());
        try {
            submissions.submit(context.dossierId(), programme, TrainersStep.entries(form),
                    form.list("subcontractors").stream().map(row -> row.string("siret")).toList());
        } catch (BusinessRuleException refused) {
            throw refused.withFieldsRenamed(FORM_KEYS);
        }
        dossiers.markEsfCofunded(context.dossierId(), form.bool("esfCofunded"));
        context.route("actionTitle", programme.title());
    }

    private static String euros(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }

    private static TrainingNature nature(String value) {
        if (value == null) {
            return null;
        }
        try {
            return TrainingNature.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("La nature d'action « " + value + " » n'est pas reconnue.");
        }
    }

    /** The action's centre and company periods as the forms' « periods » list shows them. */
    static Object periodRows(fr.formaflow.dossier.TrainingAction a) {
        return FormJson.rows(a.getPeriods().stream().map(p -> Map.of(
                "place", p.place().name(), "start", p.start().toString(), "end", p.end().toString())).toList());
    }

    /** The forms' « periods » list read back. */
    static List<Period> periods(FormValues form) {
        return form.list("periods").stream().map(p -> new Period(place(p.string("place")),
                p.date("start", "Début de période"), p.date("end", "Fin de période"))).toList();
    }

    static Place place(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Place.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("Le lieu de période « " + value + " » n'est pas reconnu (en centre ou en entreprise).");
        }
    }
}
