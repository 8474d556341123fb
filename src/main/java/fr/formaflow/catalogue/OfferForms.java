package fr.formaflow.catalogue;

import fr.formaflow.dossier.DossierSummaries;
import fr.formaflow.dossier.FormJson;
import fr.formaflow.dossier.StepContext;
import fr.formaflow.organisation.Delegations;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task listener of the offer's two forms: « Compléter l'offre » (complete-offer, the organisation) and « Valider et
 * publier l'offre » (validate-offer, the funder). On creation it fills the form; on completion it applies it.
 */
@Component("offerForms")
public class OfferForms implements TaskListener {

    private final Offers offers;
    private final DossierSummaries summaries;
    private final Delegations delegations;

    public OfferForms(Offers offers, DossierSummaries summaries, Delegations delegations) {
        this.offers = offers;
        this.summaries = summaries;
        this.delegations = delegations;
    }

    @Override
    public void notify(DelegateTask task) {
        long offerId = ((Number) task.getVariable("offerId")).longValue();
        boolean validation = "validate-offer".equals(task.getBpmnModelElementInstance().getCamundaFormRef());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariablesLocal(validation ? validationForm(offerId) : offerForm(offerId));
            delegations.shareWithDelegates(task, (String) task.getVariable("organisationGroup"));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormValues form = new FormValues(task.getVariablesLocal());
            if (validation) {
                validate(task, offerId, form);
            } else {
                offers.sendForValidation(offerId, content(form));
            }
        }
    }

    private Map<String, Object> offerForm(long offerId) {
        TrainingOffer offer = offers.get(offerId);
        OfferContent draft = offer.getDraft();
        Map<String, Object> values = new HashMap<>();
        values.put("rejections", summaries.rejections(offer.getActionId(), Offers.REJECTION_STEP));
        values.put("online", offers.publishedVersion(offerId).map(p -> OfferText.describe(p.getContent())).orElse(null));
        values.put("title", draft.title());
        values.put("objectives", draft.objectives());
        values.put("programme", draft.programme());
        values.put("modules", FormJson.rows(draft.modules().stream()
                .map(m -> FormJson.row("title", m.title(), "hours", m.hours())).toList()));
        values.put("startDate", draft.startDate() == null ? null : draft.startDate().toString());
        values.put("endDate", draft.endDate() == null ? null : draft.endDate().toString());
        values.put("city", draft.city());
        values.put("postcode", draft.postcode());
        values.put("placesAvailable", draft.placesAvailable());
        values.put("fundingComment", draft.fundingComment());
        values.put("fundingVoteDate", draft.fundingVoteDate() == null ? null : draft.fundingVoteDate().toString());
        values.put("contactName", draft.contactName());
        values.put("contactPhone", draft.contactPhone());
        values.put("contactEmail", draft.contactEmail());
        return values;
    }

    static OfferContent content(FormValues form) {
        List<OfferModule> modules = form.list("modules").stream()
                .map(row -> new OfferModule(row.string("title"), row.decimal("hours", "Durée du module"))).toList();
        return new OfferContent(form.string("title"), form.string("objectives"), form.string("programme"), modules, null,
                form.date("startDate", "Date de début"), form.date("endDate", "Date de fin"), form.string("city"),
                form.string("postcode"), form.integer("placesAvailable", "Places disponibles"), form.string("fundingComment"),
                form.date("fundingVoteDate", "Date du vote du financeur"), form.string("contactName"), form.string("contactPhone"),
                form.string("contactEmail"));
    }

    private Map<String, Object> validationForm(long offerId) {
        OfferContent draft = offers.get(offerId).getDraft();
        Map<String, Object> values = new HashMap<>();
        values.put("offer", OfferText.describe(draft));
        values.put("changes", offers.publishedVersion(offerId)
                .map(p -> String.join("\n", orNothing(OfferText.changes(p.getContent(), draft)))).orElse(null));
        Set<String> acronyms = OfferRules.unexplainedAcronyms(draft);
        values.put("wording", acronyms.isEmpty() ? null
                : "Sigles ou abréviations à expliciter pour le grand public : " + String.join(", ", acronyms) + ".");
        values.put("formacode", draft.formacode());
        values.put("decision", null);
        values.put("reason", null);
        return values;
    }

    private void validate(DelegateTask task, long offerId, FormValues form) {
        String decision = form.string("decision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new BusinessRuleException("Choisissez « Publier » ou « Renvoyer à l'organisme ».");
        }
        boolean approved = "APPROVE".equals(decision);
        offers.decide(offerId, approved, form.string("formacode"), form.string("reason"), StepContext.userOf(task));
        task.getExecution().setVariable("approved", approved);
    }

    private static List<String> orNothing(List<String> changes) {
        return changes.isEmpty() ? List.of("Aucun changement par rapport à la version en ligne.") : changes;
    }
}
