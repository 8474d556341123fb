package fr.formaflow.apprenticeship;

import fr.formaflow.dossier.StepContext;
import fr.formaflow.organisation.Delegations;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The steps of processes/apprenticeship-contract.bpmn and reimbursement-request.bpmn: state changes
 * ({@code ${apprenticeshipSteps.enter(execution, 'IN_REVIEW')}}) and the task listener of their user tasks, which
 * shows the contract and applies the decision (a reason is required unless the decision is favourable).
 */
@Component("apprenticeshipSteps")
public class ApprenticeshipSteps implements TaskListener {

    private final ApprenticeshipContracts contracts;
    private final Delegations delegations;

    public ApprenticeshipSteps(ApprenticeshipContracts contracts, Delegations delegations) {
        this.contracts = contracts;
        this.delegations = delegations;
    }

    public void enter(DelegateExecution execution, String state) {
        long contractId = contractId(execution.getVariable("contractId"));
        ContractState next = ContractState.valueOf(state);
        String comment = switch (next) {
            case PENDING -> "Manque : " + describeMissing(contractId, execution.getVariable("reviewReason"));
            case DELETED -> (String) execution.getVariable("reviewReason");
            case CANCELLED -> (String) execution.getVariable("cancellationReason");
            case IN_REVIEW -> "Pris en main par un conseiller.";
            case IN_PROGRESS -> "Accord de prise en charge.";
            case RECEIVED -> null;
        };
        contracts.enter(contractId, next, next == ContractState.CANCELLED ? "adhérent" : "OPCO", comment);
        execution.removeVariable("reviewReason");
    }

    public void remind(DelegateExecution execution) {
        contracts.remindMissingItems(contractId(execution.getVariable("contractId")));
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariablesLocal(prefill(task, key));
            delegations.shareWithDelegates(task, (String) task.getVariable("organisationGroup"));
            return;
        }
        switch (key) {
            case "Task_CompleteContract" -> itemsSent(task);
            case "Task_ReviewContract" -> reviewed(task);
            case "Task_ReviewReimbursement" -> reimbursementDecided(task);
            default -> throw new IllegalStateException("No step for task " + key);
        }
    }

    private Map<String, Object> prefill(DelegateTask task, String key) {
        ApprenticeshipContract c = contracts.get(contractId(task.getVariable("contractId")));
        Map<String, Object> values = new HashMap<>();
        values.put("summary", summary(c));
        values.put("decision", null);
        values.put("reason", null);
        if (key.equals("Task_CompleteContract")) {
            values.put("missing", String.join("\n", c.missingItems()));
            values.put("cerfaSigned", false);
            values.put("agreementSigned", false);
        }
        if (key.equals("Task_ReviewReimbursement")) {
            ReimbursementRequest r = contracts.request(c, contractId(task.getVariable("requestId")));
            values.put("details", "Récépissé n° " + r.getReceiptNumber() + " du " + French.date(r.getSubmittedAt().toLocalDate()) + "\n"
                    + r.getInstalmentLabel() + " : " + French.euros(r.getAmountCents()) + "\n"
                    + "Frais divers : " + French.euros(r.getEquipmentCents()) + "\n"
                    + "Facture n° " + r.getInvoiceReference() + (r.hasCertificate() ? ", certificat de réalisation joint" : ", sans certificat (premier versement)"));
        }
        return values;
    }

    private void itemsSent(DelegateTask task) {
        boolean cerfa = Boolean.TRUE.equals(task.getVariableLocal("cerfaSigned"));
        boolean agreement = Boolean.TRUE.equals(task.getVariableLocal("agreementSigned"));
        if (!cerfa && !agreement) {
            throw new BusinessRuleException("Cochez les pièces transmises à l'OPCO (CERFA signé, convention de formation signée).");
        }
        task.getExecution().setVariable("complete", contracts.itemsSent(contractId(task.getVariable("contractId")), cerfa, agreement).isComplete());
    }

    private void reviewed(DelegateTask task) {
        Object decision = task.getVariableLocal("decision");
        if (!"ACCEPT".equals(decision) && !"INCOMPLETE".equals(decision) && !"DELETE".equals(decision)) {
            throw new BusinessRuleException("Choisissez une décision : accorder la prise en charge, mettre en attente ou supprimer le dossier.");
        }
        String reason = reason(task, !"ACCEPT".equals(decision));
        task.getExecution().setVariable("reviewDecision", decision);
        task.getExecution().setVariable("reviewReason", reason);
    }

    private void reimbursementDecided(DelegateTask task) {
        Object decision = task.getVariableLocal("decision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new BusinessRuleException("Choisissez « Accepter » ou « Rejeter ».");
        }
        boolean approved = "APPROVE".equals(decision);
        contracts.decide(contractId(task.getVariable("requestId")), approved, reason(task, !approved), StepContext.userOf(task));
        task.getExecution().setVariable("approved", approved);
    }

    private static String reason(DelegateTask task, boolean required) {
        Object reason = task.getVariableLocal("reason");
        if (required && (reason == null || reason.toString().isBlank())) {
            throw new BusinessRuleException("Indiquez le motif : il sera communiqué au CFA.");
        }
        return reason == null || reason.toString().isBlank() ? null : reason.toString().trim();
    }

    private String describeMissing(long contractId, Object adviserReason) {
        ApprenticeshipContract c = contracts.get(contractId);
        String missing = c.missingItems().isEmpty() ? "" : String.join(", ", c.missingItems());
        String reason = adviserReason == null ? "" : adviserReason.toString();
        return String.join(" — ", java.util.stream.Stream.of(missing, reason).filter(s -> !s.isBlank()).toList()) + ".";
    }

    static String summary(ApprenticeshipContract c) {
        PaymentRhythm.Split split = c.split();
        return "N° d'action OPCO : " + c.getOpcoActionNumber() + "\n"
                + "Contrat n° " + c.getContractNumber() + " — " + c.apprentice() + " — " + c.getDiploma() + "\n"
                + "Employeur : " + c.getEmployerName() + " — CFA : " + c.getCfa().getName() + "\n"
                + "Du " + French.date(c.getStartDate()) + " au " + French.date(c.getEndDate()) + " (signé le " + French.date(c.getSignedOn()) + ")\n"
                + "Budget alternance à facturer à l'OPCO : " + French.euros(split.opcoCents())
                + " — à facturer à l'employeur : " + French.euros(split.employerCents()) + "\n"
                + "Frais divers (premier équipement) : " + French.euros(c.getEquipmentCents()) + "\n"
                + "Rythme de paiement : " + c.rhythm().label() + "\n"
                + "État : " + c.getState().label();
    }

    private static long contractId(Object value) {
        return ((Number) value).longValue();
    }
}
