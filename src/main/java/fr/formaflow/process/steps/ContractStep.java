package fr.formaflow.process.steps;

import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.ContractRules;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * "Contractualiser l'action": the organisation sends the signed documents the funder asks for, uploaded inside the task
 * (its « Dossier » panel, {@link fr.formaflow.process.TaskWorkspace}); none may be missing. Where the funder issues a
 * purchase order (Formiris), its stamped and signed copy uploaded here is what makes it signed.
 */
@Component
public class ContractStep implements TaskStep {

    private final DossierService dossiers;
    private final DocumentService documents;
    private final ConsistencyCheck consistency;

    public ContractStep(DossierService dossiers, DocumentService documents, ConsistencyCheck consistency) {
        this.consistency = consistency;
        this.dossiers = dossiers;
        this.documents = documents;
    }

    @Override
    public String formId() {
        return "contract";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        FunderRules rules = FunderRules.from(context.variable("rules"));
        Map<String, Object> values = new HashMap<>();
        values.put("purchaseOrderRequired", rules.purchaseOrderRequired());
        values.put("documentsConfirmed", false);
        return values;
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        FunderRules rules = FunderRules.from(context.variable("rules"));
        // every rule first (the step's, then the consistency check's), then the write
        // the purchase order is signed once its stamped and signed copy is on file: the upload, not a checkbox
        boolean purchaseOrderSigned = documents.missing(action, Set.of(DocumentType.SIGNED_PURCHASE_ORDER)).isEmpty();
        ContractRules.require(form.bool("documentsConfirmed"), rules.purchaseOrderRequired(), purchaseOrderSigned,
                documents.missing(action, DocumentService.required(action, rules.requiredDocuments())));
        consistency.requireNothingBlocking(action, "La contractualisation ne peut pas être transmise au financeur");
        dossiers.completeContract(context.dossierId(), rules.purchaseOrderRequired());
    }
}
