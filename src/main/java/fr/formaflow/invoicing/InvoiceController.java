package fr.formaflow.invoicing;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FormValues;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subcontractors' invoices recorded by the titular, deducted from its next invoice (seed 003 §3.6.1.2). */
@RestController
@Tag(name = "Facturation", description = "Factures des sous-traitants")
public class InvoiceController {

    public record NewSubcontractorInvoice(String subcontractorSiret, String reference, String amountEuros) {
    }

    public record BankLine(String line) {
    }

    public record SubcontractorInvoiceLine(long id, String subcontractor, String reference, long amountCents, Long deductedInInvoiceId) {
    }

    private final InvoiceService invoices;
    private final DossierService dossiers;
    private final DossierAccess access;
    private final Reconciliation reconciliation;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final OrganisationRepository organisations;
    private final InvoiceDocuments documents;
    private final ChorusProDeposit chorusPro;

    public InvoiceController(InvoiceService invoices, DossierService dossiers, DossierAccess access, CurrentUser currentUser, Clock clock,
                             OrganisationRepository organisations, InvoiceDocuments documents, Reconciliation reconciliation,
                             ChorusProDeposit chorusPro) {
        this.reconciliation = reconciliation;
        this.chorusPro = chorusPro;
        this.documents = documents;
        this.invoices = invoices;
        this.dossiers = dossiers;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
        this.organisations = organisations;
    }

    @PostMapping("/api/dossiers/{id}/subcontractor-invoices")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Enregistrer la facture d'un sous-traitant (montant HT) : elle sera déduite de la prochaine facture du titulaire")
    public SubcontractorInvoiceLine record(@PathVariable long id, @RequestBody NewSubcontractorInvoice body) {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        Long cents = new FormValues(Map.of("amount", body.amountEuros() == null ? "" : body.amountEuros())).cents("amount", "Montant HT");
        if (cents == null) {
            throw new BusinessRuleException("Le montant HT de la facture du sous-traitant est obligatoire.");
        }
        return line(invoices.recordSubcontractorInvoice(action, body.subcontractorSiret(), body.reference(), cents, currentUser.id(), clock.now()));
    }

    @GetMapping("/api/dossiers/{id}/subcontractor-invoices")
    @Transactional(readOnly = true)
    @Operation(summary = "Les factures des sous-traitants du dossier, et la facture du titulaire qui les a déduites")
    public List<SubcontractorInvoiceLine> list(@PathVariable long id) {
        return invoices.subcontractorInvoices(access.requireVisible(dossiers.get(id)).getId()).stream().map(this::line).toList();
    }

    @GetMapping("/api/dossiers/{id}/invoices/{invoiceId}.pdf")
    @Transactional(readOnly = true)
    @Operation(summary = "Télécharger une facture ou un avoir en Factur-X (PDF/A-3 avec sa version structurée)")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long invoiceId) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        return pdfAttachment("facture-" + invoiceId + ".pdf", documents.pdf(action, invoiceId));
    }

    @GetMapping("/api/dossiers/{id}/chorus-pro-deposit.zip")
    @Operation(summary = "Les factures d'un marché de la Région prêtes à déposer sur Chorus Pro (Factur-X et bordereau), pour l'organisme")
    public ResponseEntity<byte[]> chorusPro(@PathVariable long id) {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chorus-pro-" + action.getContractNumber() + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(chorusPro.zip(action));
    }

    static ResponseEntity<byte[]> pdfAttachment(String filename, byte[] pdf) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    @PostMapping("/api/dossiers/{id}/reconciliation")
    @Transactional(readOnly = true)
    @Operation(summary = "Rapprocher une ligne de relevé bancaire des factures du dossier (numéro de facture, montant)")
    public Reconciliation.Result reconcile(@PathVariable long id, @RequestBody BankLine body) {
        return reconciliation.of(access.requireVisible(dossiers.get(id)), body.line());
    }

    private SubcontractorInvoiceLine line(SubcontractorInvoice s) {
        return new SubcontractorInvoiceLine(s.getId(), organisations.findById(s.getSubcontractorId()).map(o -> o.getName()).orElse("?"),
                s.getReference(), s.getAmountCents(), s.getDeductedInInvoiceId());
    }
}
