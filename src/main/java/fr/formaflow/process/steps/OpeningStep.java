package fr.formaflow.process.steps;

import fr.formaflow.dossier.ChangeRequest;
import fr.formaflow.dossier.ChangeRequests;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.OpeningCondition;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.AdvanceKind;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.funder.PaymentMode;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.platform.French;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Ouvrir l'action": real start date and payment mode. A collective action whose real start differs from the
 * planned one goes through the funder first (a start-date change request). « Ouverture : Non » declares, with a
 * reason, that the action does not open: the funder validates it the same way, then the dossier ends.
 */
@Component
public class OpeningStep implements TaskStep {

    /** Seed 003, §3.4: « Ouverture de l'action : Oui / Non » (the form's radio values). */
    static final String YES = "YES", NO = "NO";

    private final DossierService dossiers;
    private final ChangeRequests changeRequests;
    private final List<OpeningCondition> conditions;

    public OpeningStep(DossierService dossiers, ChangeRequests changeRequests, List<OpeningCondition> conditions) {
        this.dossiers = dossiers;
        this.changeRequests = changeRequests;
        this.conditions = conditions;
    }

    @Override
    public String formId() {
        return "open-action";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        FunderRules rules = FunderRules.from(context.variable("rules"));
        Map<String, String> options = new LinkedHashMap<>();
        rules.paymentModes().forEach(mode -> options.put(mode.name(), mode.label()));
        Map<String, Object> values = new HashMap<>();
        values.put("realStart", (action.getRealStart() == null ? action.getPlannedStart() : action.getRealStart()).toString());
        values.put("paymentMode", action.getPaymentMode() == null ? null : action.getPaymentMode().name());
        values.put("paymentModeOptions", FormJson.options(options));
        values.put("requestStartDateChange", false);
        values.put("startDateChangeReason", null);
        values.put("opens", action.isNotOpened() ? NO : YES);
        values.put("notOpenedReason", action.getNotOpenedReason());
        // the advance (seed 003: « avance forfaitaire ou facultative »), where the funder offers one
        Map<String, String> advances = new LinkedHashMap<>();
        advances.put(AdvanceKind.NONE.name(), AdvanceKind.NONE.label());
        rules.advance().kinds().forEach(kind -> advances.put(kind.name(), kind.label() + (kind == AdvanceKind.FLAT
                ? " (" + French.percent(rules.advance().flatPercent()) + " du prix)" : " (jusqu'à " + French.percent(rules.advance().optionalMaximumPercent())
                + " du prix)")));
        values.put("advanceOffered", rules.advance().offered());
        values.put("advance", action.getAdvanceKind().name());
        values.put("advanceOptions", FormJson.options(advances));
        values.put("advancePercent", action.getAdvanceKind() == AdvanceKind.OPTIONAL ? action.getAdvancePercent() : null);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        if (NO.equals(form.string("opens"))) {
            // « Ouverture : Non »: no start date, no payment mode; the funder validates, then the dossier ends
            dossiers.declareNotOpening(context.dossierId(), form.string("notOpenedReason"));
            context.route("startDateChangeRequested", false);
            context.route("actionOpens", false);
            return;
        }
        if (form.string("opens") != null && !YES.equals(form.string("opens"))) {
            throw new BusinessRuleException("Choisissez « Oui » ou « Non » pour « Ouverture de l'action ».");
        }
        LocalDate realStart = form.date("realStart", "Date de début réelle");
        if (form.bool("requestStartDateChange")) {
            changeRequests.requestDateChange(context.dossierId(), ChangeRequest.Kind.START_DATE, realStart,
                    form.string("startDateChangeReason"), context.userId());
            context.route("startDateChangeRequested", true);
            return;
        }
        TrainingAction action = dossiers.get(context.dossierId());
        for (OpeningCondition condition : conditions) {
            condition.refusal(action).ifPresent(refusal -> {
                throw new BusinessRuleException(refusal);
            });
        }
        FunderRules rules = FunderRules.from(context.variable("rules"));
        AdvanceKind advance = advance(form.string("advance"));
        BigDecimal askedPercent = advance == AdvanceKind.OPTIONAL ? form.decimal("advancePercent", "Taux de l'avance facultative (%)") : null;
        dossiers.open(context.dossierId(), realStart, paymentMode(form.string("paymentMode")), rules.paymentModes(), rules.advance(),
                advance, askedPercent);
        context.route("advanceRequested", advance != AdvanceKind.NONE);
        context.route("startDateChangeRequested", false);
        context.route("actionOpens", true);
    }

    private static AdvanceKind advance(String value) {
        if (value == null) {
            return AdvanceKind.NONE;
        }
        try {
            return AdvanceKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("L'avance « " + value + " » n'est pas reconnue.");
        }
    }

    private static PaymentMode paymentMode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PaymentMode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("La fréquence de paiement « " + value + " » n'est pas reconnue.");
        }
    }
}
