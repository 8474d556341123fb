package fr.formaflow.process.steps;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.invoicing.PortageInvoice;
import fr.formaflow.invoicing.PortageService;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer les règlements reçus" (the platform's validator): the payments of the clients, of their OPCOs and
 * of the organisation's fee, as they arrive. The task comes back until every one is in ("portagePaid").
 */
@Component
public class RecordPortagePaymentsStep implements TaskStep {

    private final PortageService portage;
    private final DossierService dossiers;

    public RecordPortagePaymentsStep(PortageService portage, DossierService dossiers) {
        this.portage = portage;
        this.dossiers = dossiers;
    }

    @Override
    public String formId() {
        return "record-portage-payments";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        Map<String, Object> values = new HashMap<>();
        values.put("payments", FormJson.rows(portage.of(action.getId()).stream().map(i -> FormJson.row(
                "portageInvoiceId", i.getId(), "invoice", PortageService.describe(i),
                "paymentDate", i.getPaidOn() == null ? null : i.getPaidOn().toString(),
                "paymentReference", i.getPaymentReference())).toList()));
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        int recorded = 0;
        for (FormValues row : form.list("payments")) {
            PortageInvoice invoice = portage.get(action, row.longValue("portageInvoiceId", "N°"));
            LocalDate paidOn = row.date("paymentDate", "Date du règlement");
            String reference = row.string("paymentReference");
            if (invoice.isPaid() || (paidOn == null && reference == null)) {
                continue;
            }
            portage.recordPayment(action, invoice.getId(), paidOn, reference);
            recorded++;
        }
        if (recorded == 0 && !portage.allPaid(action)) {
            throw new BusinessRuleException("Aucun nouveau règlement n'est saisi : indiquez la date et la référence d'au moins un règlement reçu.");
        }
        context.route("portagePaid", portage.allPaid(action));
    }
}
