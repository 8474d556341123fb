package fr.formaflow.invoicing;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A portage platform's invoices of a dossier (clients, their OPCOs, the organisation's fee), with their payments. */
@RestController
@Tag(name = "Facturation", description = "Factures de portage")
public class PortageController {

    public record PortageInvoiceLine(long id, String number, String recipient, String recipientLabel, String client, long netCents,
                                     long vatCents, long grossCents, LocalDate paidOn, String paymentReference) {
    }

    private final PortageService portage;
    private final DossierService dossiers;
    private final DossierAccess access;
    private final InvoiceDocuments documents;

    public PortageController(PortageService portage, DossierService dossiers, DossierAccess access, InvoiceDocuments documents) {
        this.portage = portage;
        this.dossiers = dossiers;
        this.access = access;
        this.documents = documents;
    }

    @GetMapping("/api/dossiers/{id}/portage-invoices")
    @Transactional(readOnly = true)
    @Operation(summary = "Les factures de la plateforme de portage (clients, OPCO, frais de prestation) et leurs règlements")
    public List<PortageInvoiceLine> list(@PathVariable long id) {
        return portage.of(access.requireVisible(dossiers.get(id)).getId()).stream().map(i -> new PortageInvoiceLine(i.getId(),
                i.getNumber(), i.getRecipient().name(), i.getRecipient().label(), i.getClientName(), i.getNetCents(), i.getVatCents(),
                i.getGrossCents(), i.getPaidOn(), i.getPaymentReference())).toList();
    }

    @GetMapping("/api/dossiers/{id}/portage-invoices/{invoiceId}.pdf")
    @Transactional(readOnly = true)
    @Operation(summary = "Télécharger une facture de portage en Factur-X")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long invoiceId) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        PortageInvoice invoice = portage.get(action, invoiceId);
        return InvoiceController.pdfAttachment("facture-portage-" + invoice.getNumber() + ".pdf", documents.pdf(action, invoice));
    }
}
