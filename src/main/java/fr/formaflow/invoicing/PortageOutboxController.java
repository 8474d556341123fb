package fr.formaflow.invoicing;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A portage platform's outbox: the invoices it e-mailed to the OPCOs, when, to whom, and whether the mail server took
 * them. Only the platform's own validators read it.
 */
@RestController
@Tag(name = "Facturation", description = "Factures de portage envoyées aux OPCO")
public class PortageOutboxController {

    public record OutboxLine(long id, long portageInvoiceId, String invoiceNumber, long dossierId, String contractNumber, String client,
                             String fundingAgreementReference, long grossCents, String recipient, String recipientEmail, String subject,
                             String status, String statusLabel, String error, LocalDateTime sentAt) {
    }

    private final InvoiceDispatchRepository dispatches;
    private final PortageInvoiceRepository portageInvoices;
    private final FunderRepository funders;
    private final DossierService dossiers;
    private final CurrentUser currentUser;
    private final OpcoInvoiceMailer mailer;

    public PortageOutboxController(InvoiceDispatchRepository dispatches, PortageInvoiceRepository portageInvoices, FunderRepository funders,
                                   DossierService dossiers, CurrentUser currentUser, OpcoInvoiceMailer mailer) {
        this.dispatches = dispatches;
        this.portageInvoices = portageInvoices;
        this.funders = funders;
        this.dossiers = dossiers;
        this.currentUser = currentUser;
        this.mailer = mailer;
    }

    @GetMapping("/api/portage/outbox")
    @Transactional(readOnly = true)
    @Operation(summary = "Boîte d'envoi de la plateforme de portage : les factures envoyées aux OPCO (date, destinataire, état)")
    public List<OutboxLine> outbox() {
        List<InvoiceDispatch> sent = dispatches.findTop200ByPlatformIdInOrderByAttemptedAtDescIdDesc(myPlatforms());
        Map<Long, PortageInvoice> invoices = portageInvoices.findAllById(sent.stream().map(InvoiceDispatch::getPortageInvoiceId).distinct().toList())
                .stream().collect(Collectors.toMap(PortageInvoice::getId, Function.identity()));
        Map<Long, String> contracts = new HashMap<>();
        return sent.stream().map(d -> line(d, invoices.get(d.getPortageInvoiceId()),
                contracts.computeIfAbsent(d.getActionId(), id -> dossiers.get(id).getContractNumber()))).toList();
    }

    @PostMapping("/api/portage/outbox/{dispatchId}/resend")
    @Operation(summary = "Renvoyer à l'OPCO une facture dont l'envoi a échoué")
    public OutboxLine resend(@PathVariable long dispatchId) {
        InvoiceDispatch failed = dispatches.findById(dispatchId).filter(d -> myPlatforms().contains(d.getPlatformId()))
                .orElseThrow(() -> new NotFoundException("Cet envoi n'existe pas dans votre boîte d'envoi."));
        InvoiceDispatch again = mailer.resend(failed);
        TrainingAction action = dossiers.get(again.getActionId());
        return line(again, portageInvoices.findById(again.getPortageInvoiceId()).orElseThrow(), action.getContractNumber());
    }

    /** The portage platforms whose validators the user is one of; none: the outbox is not theirs to read. */
    private Set<Long> myPlatforms() {
        currentUser.id();
        Set<Long> mine = funders.findAll().stream().filter(f -> f.getScheme() == FundingScheme.PORTAGE)
                .filter(f -> currentUser.isIn(f.getValidatorGroupId())).map(Funder::getId).collect(Collectors.toSet());
        if (mine.isEmpty()) {
            throw new AccessDeniedException("La boîte d'envoi des factures est réservée aux valideurs d'une plateforme de portage.");
        }
        return mine;
    }

    private static OutboxLine line(InvoiceDispatch d, PortageInvoice invoice, String contractNumber) {
        return new OutboxLine(d.getId(), d.getPortageInvoiceId(), invoice.getNumber(), d.getActionId(), contractNumber, invoice.getClientName(),
                invoice.getFundingAgreementReference(), invoice.getGrossCents(), d.getRecipientName(), d.getRecipientEmail(), d.getSubject(),
                d.getStatus().name(), d.getStatus().label(), d.getError(), d.getAttemptedAt());
    }
}
