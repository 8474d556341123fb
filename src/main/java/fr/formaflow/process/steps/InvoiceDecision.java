package fr.formaflow.process.steps;

import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceTexts;
import fr.formaflow.platform.Clock;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.StepDecision;
import org.springframework.stereotype.Component;

/** A funder accepts an invoice for payment, or rejects it with a reason (it stays visible with that reason). */
@Component
public class InvoiceDecision implements StepDecision {

    private final InvoiceService invoices;
    private final DossierService dossiers;
    private final InvoiceTexts texts;
    private final Clock clock;
    private final ConsistencyCheck consistency;

    public InvoiceDecision(InvoiceService invoices, DossierService dossiers, InvoiceTexts texts, Clock clock, ConsistencyCheck consistency) {
        this.consistency = consistency;
        this.invoices = invoices;
        this.dossiers = dossiers;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "INVOICE";
    }

    @Override
    public String details(StepContext context) {
        Invoice invoice = invoices.get(invoiceId(context));
        String absences = consistency.justifiedAbsences(dossiers.get(context.dossierId()), invoice.coveredMonths());
        return texts.describe(invoice) + (absences == null ? "" : "\n\n" + absences);
    }

    @Override
    public void decide(StepContext context, boolean approved, String reason) {
        invoices.decide(dossiers.get(context.dossierId()), invoiceId(context), approved, reason, context.userId(), clock.now());
    }

    static long invoiceId(StepContext context) {
        return ((Number) context.variable("invoiceId")).longValue();
    }
}
