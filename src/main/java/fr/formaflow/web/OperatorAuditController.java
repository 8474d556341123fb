package fr.formaflow.web;

import fr.formaflow.documents.DocumentService;
import fr.formaflow.dossier.RejectionRepository;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.process.monitoring.ProcessHistory;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What operators read in Cockpit's « Historique du dossier » tab (Cockpit's community edition keeps no history view):
 * the dossier behind a process instance, every completed step with who decided what and why, the funders' rejections,
 * the documents and the invoices. Operators only (group camunda-admin): organisations and funders read their dossiers on
 * their own pages.
 */
@RestController
@Tag(name = "Opérateurs", description = "Suivi des processus dans Cockpit")
public class OperatorAuditController {

    static final String OPERATORS_ONLY = "L'historique des processus est réservé aux opérateurs.";

    /** gross: the amount with tax, formatted in French from its cents (« 1 470,00 € »), so no page does arithmetic on money. */
    public record InvoiceLine(String number, String kind, String status, String months, long grossCents, String gross,
                              String rejectionReason) {
    }

    public record AuditTrail(String processInstanceId, String businessKey, String contractNumber, String title, String organisation,
                             String funder, String phase, List<ProcessHistory.StepLine> steps, List<DossierController.RejectionLine> rejections,
                             List<DocumentController.DocumentLine> documents, List<InvoiceLine> invoices) {
    }

    private final CurrentUser currentUser;
    private final ProcessHistory history;
    private final TrainingActionRepository actions;
    private final RejectionRepository rejections;
    private final DocumentService documents;
    private final InvoiceService invoices;

    public OperatorAuditController(CurrentUser currentUser, ProcessHistory history, TrainingActionRepository actions,
                                   RejectionRepository rejections, DocumentService documents, InvoiceService invoices) {
        this.currentUser = currentUser;
        this.history = history;
        this.actions = actions;
        this.rejections = rejections;
        this.documents = documents;
        this.invoices = invoices;
    }

    @GetMapping("/api/operator/dossiers/{contractNumber}/audit")
    @Transactional(readOnly = true)
    @Operation(summary = "Historique d'un dossier, en cours ou terminé, par son numéro de contrat (opérateurs)")
    public AuditTrail auditOfDossier(@PathVariable String contractNumber) {
        requireOperator();
        // Cockpit's community edition opens running instances only: a closed dossier is found here, from the history
        String instance = history.dossierInstance(contractNumber)
                .orElseThrow(() -> new NotFoundException("Aucun dossier n'a le numéro de contrat « " + contractNumber + " »."));
        return audit(instance);
    }

    @GetMapping("/api/operator/process-instances/{processInstanceId}/audit")
    @Transactional(readOnly = true)
    @Operation(summary = "Historique d'un processus pour les opérateurs : dossier, décisions, motifs, pièces, factures")
    public AuditTrail audit(@PathVariable String processInstanceId) {
        requireOperator();
        ProcessHistory.Instance instance = history.instance(processInstanceId)
                .orElseThrow(() -> new NotFoundException("Aucun processus n'a l'identifiant « " + processInstanceId + " »."));
        String businessKey = instance.businessKey();
        Optional<TrainingAction> dossier = businessKey == null ? Optional.empty() : actions.findByContractNumber(businessKey);
        List<ProcessHistory.StepLine> steps = history.completedSteps(instance, dossier.isPresent());
        if (dossier.isEmpty()) {
            return new AuditTrail(processInstanceId, businessKey, null, null, null, null, null, steps, List.of(), List.of(), List.of());
        }
        TrainingAction action = dossier.get();
        return new AuditTrail(processInstanceId, businessKey, action.getContractNumber(), action.getTitle(),
                action.getOrganisation().getName(), action.getFunder().getName(), action.getPhase().label(), steps,
                rejections.findByActionIdOrderByRejectedAtDescIdDesc(action.getId()).stream()
                        .map(r -> new DossierController.RejectionLine(r.getStep(), r.getReason(), r.getRejectedBy(), r.getRejectedAt())).toList(),
                documents.of(action).stream().map(DocumentController::line).toList(),
                invoices.of(action.getId()).stream().map(i -> new InvoiceLine(i.getNumber(), i.getKind().label(),
                        i.getStatus().label(), i.getMonths(), i.getGrossCents(), French.euros(i.getGrossCents()), i.getRejectionReason())).toList());
    }

    private void requireOperator() {
        if (!currentUser.isOperator()) {
            currentUser.id(); // anonymous: 401
            throw new AccessDeniedException(OPERATORS_ONLY);
        }
    }
}
