package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.invoicing.InvoiceCalculator;
import fr.formaflow.invoicing.PortageBilling;
import fr.formaflow.invoicing.PortageService;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FormValues;
import fr.formaflow.platform.French;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Émettre les factures de portage" (the platform's validator): the training amount split between each client and
 * its OPCO, pre-filled equally between the clients; the platform's fee is added by the funder rules.
 */
@Component
public class IssuePortageInvoicesStep implements TaskStep {

    private final PortageService portage;
    private final DossierService dossiers;
    private final Clock clock;

    public IssuePortageInvoicesStep(PortageService portage, DossierService dossiers, Clock clock) {
        this.portage = portage;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Override
    public String formId() {
        return "issue-portage-invoices";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        BigDecimal feePercent = FunderRules.from(context.variable("rules")).serviceFeePercent();
        long training = portage.trainingAmountCents(action);
        Map<String, Object> values = new HashMap<>();
        values.put("details", "Montant de la formation facturé par l'organisme : " + French.euros(training) + " HT.\n"
                + "Frais de prestation de la plateforme (" + portage.serviceFeeBasis(action, feePercent) + ") : "
                + French.euros(portage.serviceFeeCents(action, training, feePercent)) + " HT, facturés à l'organisme.\n"
                + "Répartissez le montant de la formation entre chaque client et son OPCO (accord de prise en charge versé au dossier, "
                + "dont vous saisissez la référence). Les factures aux OPCO leur sont envoyées par e-mail dès leur émission.");
        values.put("shares", FormJson.rows(portage.proposedShares(action).stream().map(s -> FormJson.row(
                "client", s.client(), "opco", s.opco(), "clientAmount", euros(s.clientCents()),
                "opcoAmount", euros(s.opcoCents()), "fundingAgreementReference", "")).toList()));
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        List<PortageBilling.Share> shares = form.list("shares").stream().map(row -> new PortageBilling.Share(
                row.string("client"), null, amount(row, "clientAmount", "Montant HT facturé au client"),
                amount(row, "opcoAmount", "Montant HT facturé à l'OPCO"), false, row.string("fundingAgreementReference"), null)).toList();
        portage.issue(dossiers.get(context.dossierId()), shares, FunderRules.from(context.variable("rules")).serviceFeePercent(), clock.now());
    }

    /** "1960,00": what a person types, without grouping spaces. */
    private static String euros(long cents) {
        return InvoiceCalculator.fromCents(cents).toPlainString().replace('.', ',');
    }

    private static long amount(FormValues row, String key, String label) {
        Long cents = row.cents(key, label);
        return cents == null ? 0 : cents;
    }
}
