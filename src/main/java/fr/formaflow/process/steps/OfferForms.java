package fr.formaflow.process.steps;

import fr.formaflow.catalogue.OfferContent;
import fr.formaflow.catalogue.OfferModule;
import fr.formaflow.catalogue.OfferRules;
import fr.formaflow.catalogue.OfferText;
import fr.formaflow.catalogue.Offers;
import fr.formaflow.catalogue.TrainingOffer;
import fr.formaflow.dossier.DossierSummaries;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The offer's two forms: « Compléter l'offre » (complete-offer, the organisation) and « Valider et publier l'offre »
 * (validate-offer, the funder). The offer is the one Formaflow started the process for ({@code offerId}, written only
 * by Formaflow).
 */
@Component
public class OfferForms implements TaskStep {

    private final Offers offers;
    private final DossierSummaries summaries;

    public OfferForms(Offers offers, DossierSummaries summaries) {
        this.offers = offers;
        this.summaries = summaries;
    }

    @Override
    public String formId() {
        return "complete-offer";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        return offerForm(offerId(context));
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        offers.sendForValidation(offerId(context), content(form));
    }

    static long offerId(StepContext context) {
        return ((Number) context.variable("offerId")).longValue();
    }

    /** « Valider et publier l'offre »: the funder publishes the offer or sends it back with a reason. */
    @Component
    static class Validation implements TaskStep {

        private final Offers offers;

        Validation(Offers offers) {
            this.offers = offers;
        }

        @Override
        public String formId() {
            return "validate-offer";
        }

        @Override
        public Map<String, Object> prefill(StepContext context) {
            long offerId = offerId(context);
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

        @Override
        public void complete(StepContext context, FormValues form) {
            String decision = form.choice("decision", "Choisissez « Publier » ou « Renvoyer à l'organisme ».", "APPROVE", "REJECT");
            boolean approved = "APPROVE".equals(decision);
            offers.decide(offerId(context), approved, form.string("formacode"), form.string("reason"), context.userId());
            context.route("approved", approved);
        }

        private static List<String> orNothing(List<String> changes) {
            return changes.isEmpty() ? List.of("Aucun changement par rapport à la version en ligne.") : changes;
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
}
