package fr.formaflow.process.steps;

import fr.formaflow.apprenticeship.ApprenticeshipContract;
import fr.formaflow.apprenticeship.ApprenticeshipContracts;
import fr.formaflow.apprenticeship.ReimbursementRequests;
import fr.formaflow.apprenticeship.ContractState;
import fr.formaflow.apprenticeship.PaymentRhythm;
import fr.formaflow.apprenticeship.ReimbursementRequest;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import fr.formaflow.platform.French;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps of processes/apprenticeship-contract.bpmn and reimbursement-request.bpmn: state changes
 * ({@code ${apprenticeshipSteps.enter(execution, 'IN_REVIEW')}}) and the steps of their user tasks, which show the
 * contract and apply the decision (a reason is required unless the decision is favourable). The contract and the request
 * are those Formaflow started the process for ({@code contractId}, {@code requestId}: written only by Formaflow).
 */
@Component("apprenticeshipSteps")
public class ApprenticeshipSteps {

    private final ApprenticeshipContracts contracts;

    public ApprenticeshipSteps(ApprenticeshipContracts contracts) {
        this.contracts = contracts;
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

    /** « Compléter le dossier »: the CFA says which signed pieces it has sent to the OPCO. */
    @Component
    static class CompleteContract implements TaskStep {

        private final ApprenticeshipContracts contracts;

        CompleteContract(ApprenticeshipContracts contracts) {
            this.contracts = contracts;
        }

        @Override
        public String formId() {
            return "complete-contract";
        }

        @Override
        public Map<String, Object> prefill(StepContext context) {
            ApprenticeshipContract c = contracts.get(contractId(context.variable("contractId")));
            Map<String, Object> values = form(c);
            values.put("missing", String.join("\n", c.missingItems()));
            values.put("cerfaSigned", false);
            values.put("agreementSigned", false);
            return values;
        }

        @Override
        public void complete(StepContext context, FormValues form) {
            boolean cerfa = form.bool("cerfaSigned");
            boolean agreement = form.bool("agreementSigned");
            if (!cerfa && !agreement) {
                throw new BusinessRuleException("Cochez les pièces transmises à l'OPCO (CERFA signé, convention de formation signée).");
            }
            context.route("complete", contracts.itemsSent(contractId(context.variable("contractId")), cerfa, agreement).isComplete());
        }
    }

    /** « Instruire le contrat »: the OPCO's adviser accepts, puts on hold or deletes the contract (a reason unless accepted). */
    @Component
    static class ReviewContract implements TaskStep {

        private final ApprenticeshipContracts contracts;

        ReviewContract(ApprenticeshipContracts contracts) {
            this.contracts = contracts;
        }

        @Override
        public String formId() {
            return "review-contract";
        }

        @Override
        public Map<String, Object> prefill(StepContext context) {
            return form(contracts.get(contractId(context.variable("contractId"))));
        }

        @Override
        public void complete(StepContext context, FormValues form) {
            String decision = form.choice("decision", "Choisissez une décision : accorder la prise en charge, mettre en attente ou "
                    + "supprimer le dossier.", "ACCEPT", "INCOMPLETE", "DELETE");
            context.route("reviewDecision", decision);
            context.route("reviewReason", reason(form, !"ACCEPT".equals(decision)));
        }
    }

    /** « Valider la demande de remboursement »: the OPCO accepts or rejects a CFA's request (a reason if rejected). */
    @Component
    static class ReviewReimbursement implements TaskStep {

        private final ApprenticeshipContracts contracts;
        private final ReimbursementRequests reimbursements;

        ReviewReimbursement(ApprenticeshipContracts contracts, ReimbursementRequests reimbursements) {
            this.contracts = contracts;
            this.reimbursements = reimbursements;
        }

        @Override
        public String formId() {
            return "review-reimbursement";
        }

        @Override
        public Map<String, Object> prefill(StepContext context) {
            ApprenticeshipContract c = contracts.get(contractId(context.variable("contractId")));
            ReimbursementRequest r = reimbursements.request(c, contractId(context.variable("requestId")));
            Map<String, Object> values = form(c);
            values.put("details", "Récépissé n° " + r.getReceiptNumber() + " du " + French.date(r.getSubmittedAt().toLocalDate()) + "\n"
                    + r.getInstalmentLabel() + " : " + French.euros(r.getAmountCents()) + "\n"
                    + "Frais divers : " + French.euros(r.getEquipmentCents()) + "\n"
                    + "Facture n° " + r.getInvoiceReference() + (r.hasCertificate() ? ", certificat de réalisation joint" : ", sans certificat (premier versement)"));
            return values;
        }

        @Override
        public void complete(StepContext context, FormValues form) {
            String decision = form.choice("decision", "Choisissez « Accepter » ou « Rejeter ».", "APPROVE", "REJECT");
            boolean approved = "APPROVE".equals(decision);
            reimbursements.decide(contractId(context.variable("requestId")), approved, reason(form, !approved), context.userId());
            context.route("approved", approved);
        }
    }

    /** What every contract task shows: the contract, and an empty decision. */
    private static Map<String, Object> form(ApprenticeshipContract c) {
        Map<String, Object> values = new HashMap<>();
        values.put("summary", summary(c));
        values.put("decision", null);
        values.put("reason", null);
        return values;
    }

    private static String reason(FormValues form, boolean required) {
        String reason = form.string("reason");
        if (required && reason == null) {
            throw new BusinessRuleException("Indiquez le motif : il sera communiqué au CFA.");
        }
        return reason;
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
