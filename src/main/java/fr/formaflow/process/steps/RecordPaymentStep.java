package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceTexts;
import fr.formaflow.invoicing.PortageService;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le paiement": the transfer's date and reference, matched with the invoice number. A portage platform
 * pays the organisation only once its own invoices (clients, OPCOs, fee) are all paid.
 */
@Component
public class RecordPaymentStep implements TaskStep {

    private final InvoiceService invoices;
    private final InvoiceTexts texts;
    private final DossierService dossiers;
    private final PortageService portage;

    public RecordPaymentStep(InvoiceService invoices, InvoiceTexts texts, DossierService dossiers, PortageService portage) {
        this.portage = portage;
        this.invoices = invoices;
        this.texts = texts;
        this.dossiers = dossiers;
    }

    @Override
    public String formId() {
        return "record-payment";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Object> values = new HashMap<>();
        values.put("details", texts.describe(invoices.get(InvoiceDecision.invoiceId(context))));
        values.put("paymentDate", null);
        values.put("paymentReference", null);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        Object rules = context.variable("rules");
        if (rules != null && FunderRules.from(rules).portage()) {
            portage.requireAllPaid(action);
        }
        invoices.recordPayment(action, InvoiceDecision.invoiceId(context),
                form.date("paymentDate", "Date du virement"), form.string("paymentReference"));
    }
}
