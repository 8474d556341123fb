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
import fr.formaflow.security.AsSystem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** "Contractualiser l'action": the funder's checklist of signed documents, each either on file or missing. */
@Component
public class ContractStep implements TaskStep {

    static final String TASK_KEY = "Task_Contract";

    private final DossierService dossiers;
    private final DocumentService documents;
    private final TaskService taskService;
    /** Refreshing an open task's prefill is Formaflow's own write: users may not write task variables. */
    private final AsSystem asSystem;
    private final String publicUrl;
    private final ConsistencyCheck consistency;

    public ContractStep(DossierService dossiers, DocumentService documents, TaskService taskService,
                        @Value("${formaflow.public-url}") String publicUrl, ConsistencyCheck consistency, AsSystem asSystem) {
        this.asSystem = asSystem;
        this.consistency = consistency;
        this.dossiers = dossiers;
        this.documents = documents;
        this.taskService = taskService;
        this.publicUrl = publicUrl;
    }

    @Override
    public String formId() {
        return "contract";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        FunderRules rules = FunderRules.from(context.variable("rules"));
        Map<String, Object> values = new HashMap<>();
        values.put("details", checklist(action, rules));
        values.put("purchaseOrderRequired", rules.purchaseOrderRequired());
        values.put("documentsConfirmed", false);
        values.put("purchaseOrderSigned", false);
        return values;
    }

    /** Keeps the open contract task's checklist current after each upload. */
    public void refreshChecklist(TrainingAction action) {
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(action.getContractNumber())
                .taskDefinitionKey(TASK_KEY).list()) {
            FunderRules rules = FunderRules.from(taskService.getVariable(task.getId(), "rules"));
            asSystem.run(() -> taskService.setVariableLocal(task.getId(), "details", checklist(action, rules)));
        }
    }

    private String checklist(TrainingAction action, FunderRules rules) {
        Set<DocumentType> required = DocumentService.required(action, rules.requiredDocuments());
        List<String> missing = documents.missing(action, required);
        StringBuilder details = new StringBuilder("Pièces exigées par ").append(action.getFunder().getName()).append(" :\n");
        for (DocumentType type : required) {
            boolean complete = missing.stream().noneMatch(m -> m.contains(type.label()));
            details.append(complete ? "✔ " : "✘ ").append(type.label()).append('\n');
        }
        details.append("\nVersez les pièces (PDF) sur ").append(publicUrl).append("/api/dossiers/").append(action.getId())
                .append("/documents ; cette liste se met à jour à chaque pièce versée.");
        return details.toString();
    }

    @Override
    public void complete(StepContext context, FormValues form) {
        TrainingAction action = dossiers.get(context.dossierId());
        FunderRules rules = FunderRules.from(context.variable("rules"));
        // every rule first (the step's, then the consistency check's), then the write
        ContractRules.require(form.bool("documentsConfirmed"), rules.purchaseOrderRequired(), form.bool("purchaseOrderSigned"),
                documents.missing(action, DocumentService.required(action, rules.requiredDocuments())));
        consistency.requireNothingBlocking(action, "La contractualisation ne peut pas être transmise au financeur");
        dossiers.completeContract(context.dossierId(), rules.purchaseOrderRequired());
    }
}
