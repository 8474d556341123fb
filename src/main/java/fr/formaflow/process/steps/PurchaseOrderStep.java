package fr.formaflow.process.steps;

import fr.formaflow.documents.DossierPapers;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Émettre le bon de commande" (Formiris): number and date of the purchase order; its PDF is generated with the dossier's
 * documents, for the organisation to download, stamp, sign and return in « Contractualiser l'action ».
 */
@Component
public class PurchaseOrderStep implements TaskStep {

    private final DossierService dossiers;
    private final DossierPapers papers;

    public PurchaseOrderStep(DossierService dossiers, DossierPapers papers) {
        this.dossiers = dossiers;
        this.papers = papers;
    }

    @Override
    public String formId() {
        return "issue-purchase-order";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        Map<String, Object> values = new HashMap<>();
        values.put("purchaseOrderNumber", null);
        values.put("purchaseOrderDate", null);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        dossiers.issuePurchaseOrder(context.dossierId(), form.string("purchaseOrderNumber"),
                form.date("purchaseOrderDate", "Date du bon de commande"));
        // the « Bon de commande » PDF, for the organisation to download, stamp, sign and upload in its contract task
        papers.purchaseOrder(dossiers.get(context.dossierId()));
    }
}
