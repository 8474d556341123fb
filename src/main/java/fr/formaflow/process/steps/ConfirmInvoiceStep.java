package fr.formaflow.process.steps;

import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceTexts;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Confirmer la facture" (periodic or balance): once confirmed, it takes its number and goes to the funder. */
@Component
public class ConfirmInvoiceStep implements TaskStep {

    private final InvoiceService invoices;
    private final InvoiceTexts texts;
    private final DossierService dossiers;
    private final Clock clock;
    private final ConsistencyCheck consistency;

    public ConfirmInvoiceStep(InvoiceService invoices, InvoiceTexts texts, DossierService dossiers, Clock clock, ConsistencyCheck consistency) {
        this.consistency = consistency;
        this.invoices = invoices;
        this.texts = texts;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Override
    public String formId() {
        return "confirm-invoice";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Object> values = new HashMap<>();
        values.put("details", texts.describe(invoices.get(InvoiceDecision.invoiceId(context))));
        values.put("confirmed", false);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        consistency.requireNothingBlocking(action, "La facture ne peut pas être transmise au financeur");
        invoices.confirm(action, InvoiceDecision.invoiceId(context), form.bool("confirmed"), clock.now());
    }
}
