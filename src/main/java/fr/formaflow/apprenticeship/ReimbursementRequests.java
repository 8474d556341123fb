package fr.formaflow.apprenticeship;

import fr.formaflow.documents.DocumentService;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.NumberSequences;
import fr.formaflow.platform.Processes;
import fr.formaflow.security.CurrentUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CFA's requests for the instalments of its contracts: the next one it may ask for, the filing with its receipt
 * (which starts reimbursement-request.bpmn), and the OPCO's decision.
 */
@Service
@Transactional
public class ReimbursementRequests {

    public static final String REQUEST_PROCESS = "reimbursementRequest";

    public record Attachment(String filename, byte[] content) {
    }

    private final ApprenticeshipContracts contracts;
    private final ReimbursementRequestRepository requests;
    private final DocumentService documents;
    private final NumberSequences sequences;
    private final Processes processes;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReimbursementRequests(ApprenticeshipContracts contracts, ReimbursementRequestRepository requests, DocumentService documents,
                                 NumberSequences sequences, Processes processes, CurrentUser currentUser,
                                 Clock clock) {
        this.contracts = contracts;
        this.requests = requests;
        this.documents = documents;
        this.sequences = sequences;
        this.processes = processes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public List<ReimbursementRequest> requests(ApprenticeshipContract contract) {
        return requests.findByContractIdOrderByIdAsc(contract.getId());
    }

    /** The next instalment the CFA may ask for, if no request is waiting: the first one not accepted yet. */
    public Optional<PaymentRhythm.Instalment> nextInstalment(ApprenticeshipContract contract) {
        List<ReimbursementRequest> filed = requests(contract);
        if (filed.stream().anyMatch(r -> r.getStatus() == ReimbursementRequest.Status.SUBMITTED)) {
            return Optional.empty();
        }
        return contract.schedule().stream()
                .filter(i -> filed.stream().noneMatch(r -> r.getInstalment() == i.number() && r.getStatus() != ReimbursementRequest.Status.REJECTED))
                .findFirst();
    }

    /** Files the next instalment's request, issues its receipt and hands it to the OPCO. */
    public ReimbursementRequest requestReimbursement(long contractId, String invoiceReference, String equipmentEuros,
                                                     Attachment invoice, Attachment certificate) {
        ApprenticeshipContract contract = contracts.visible(contractId);
        if (!currentUser.isOperator() && !currentUser.isIn(contract.getCfa().getGroupId())) {
            throw new AccessDeniedException("Seul le CFA du contrat peut demander un remboursement.");
        }
        if (contract.getState() != ContractState.IN_PROGRESS) {
            throw new BusinessRuleException("Le contrat " + contract.getOpcoActionNumber() + " est « " + contract.getState().label()
                    + " » : une demande de remboursement n'est possible qu'une fois la prise en charge accordée (« En cours »).");
        }
        List<ReimbursementRequest> filed = requests(contract);
        if (filed.stream().anyMatch(r -> r.getStatus() == ReimbursementRequest.Status.SUBMITTED)) {
            throw new BusinessRuleException("Une demande de remboursement de ce contrat attend déjà la décision de l'OPCO.");
        }
        PaymentRhythm.Instalment instalment = nextInstalment(contract).orElseThrow(() ->
                new BusinessRuleException("Tous les versements de ce contrat ont déjà été demandés et acceptés."));
        List<String> problems = new ArrayList<>();
        if (clock.today().isBefore(instalment.payableFrom())) {
            problems.add("Le versement « " + instalment.label() + " » peut être demandé à partir du "
                    + French.date(instalment.payableFrom()) + ".");
        }
        if (invoiceReference == null || invoiceReference.isBlank()) {
            problems.add("Le numéro de la facture est obligatoire.");
        }
        ReimbursementRequest.File invoiceFile = file(invoice, "la facture", problems, true);
        ReimbursementRequest.File certificateFile = file(certificate, "le certificat de réalisation", problems, instalment.certificateRequired());
        Long equipment = ReceivedContractRules.euros(problems, equipmentEuros, "Frais divers (premier équipement)", false);
        long equipmentLeft = contract.getEquipmentCents() - filed.stream().filter(r -> r.getStatus() != ReimbursementRequest.Status.REJECTED)
                .mapToLong(ReimbursementRequest::getEquipmentCents).sum();
        if (equipment != null && equipment > equipmentLeft) {
            problems.add("Les frais divers demandés dépassent ce qui reste du budget de premier équipement ("
                    + French.euros(equipmentLeft) + ").");
        }
        BusinessRuleException.throwIfAny("La demande de remboursement ne peut pas être déposée.", problems);

        String receiptNumber = String.format("R%d-%05d", clock.today().getYear(), sequences.next("receipt:" + clock.today().getYear()));
        ReimbursementRequest filing = new ReimbursementRequest(contract.getId(), instalment, equipment == null ? 0 : equipment,
                invoiceReference.trim(), invoiceFile, certificateFile, receiptNumber, clock.now(), currentUser.id());
        filing.attachReceipt(ReceiptPdf.render(contract, filing));
        ReimbursementRequest request = requests.save(filing);
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", request.getId());
        variables.put("contractId", contract.getId());
        variables.put("contractNumber", contract.getOpcoActionNumber());
        variables.put("actionTitle", "Remboursement " + instalment.label() + " — " + contract.apprentice());
        variables.put("organisationName", contract.getCfa().getName());
        variables.put("organisationGroup", contract.getCfa().getGroupId());
        variables.put("funderGroup", contract.getFunder().getValidatorGroupId());
        processes.start(REQUEST_PROCESS, receiptNumber, variables);
        return request;
    }

    public void decide(long requestId, boolean approved, String reason, String userId) {
        ReimbursementRequest request = requests.findById(requestId).orElseThrow();
        if (approved) {
            request.accept(userId, clock.now());
        } else {
            request.reject(userId, clock.now(), reason);
        }
    }

    public ReimbursementRequest request(ApprenticeshipContract contract, long requestId) {
        return requests.findById(requestId).filter(r -> r.getContractId().equals(contract.getId()))
                .orElseThrow(() -> new NotFoundException("Cette demande n'existe pas pour ce contrat."));
    }

    private ReimbursementRequest.File file(Attachment attachment, String what, List<String> problems, boolean required) {
        if (attachment == null || attachment.content() == null || attachment.content().length == 0) {
            if (required) {
                problems.add("Joignez " + what + ".");
            }
            return null;
        }
        String type = documents.checkFile(attachment.filename(), attachment.content(), problems);
        return type == null ? null : new ReimbursementRequest.File(attachment.content(), type, DocumentService.sha256(attachment.content()));
    }
}
