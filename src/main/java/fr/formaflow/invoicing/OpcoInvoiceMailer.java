package fr.formaflow.invoicing;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.notification.EmailSender;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.EmailNotSentException;
import fr.formaflow.platform.French;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a portage platform's invoices to the OPCOs (seed 000: « IZIFORPRO se charge de la transmettre à l'OPCO
 * concerné »): the Factur-X PDF attached to an e-mail to the address of the OPCO's record, once the invoices are
 * committed; each sending, accepted or refused by the mail server, is logged in the platform's outbox.
 */
@Service
public class OpcoInvoiceMailer {

    /** Announced by {@link PortageService#issue} once the platform's invoices of a dossier are issued. */
    public record PortageInvoicesIssued(long actionId) { }

    private static final Logger log = LoggerFactory.getLogger(OpcoInvoiceMailer.class);

    private final PortageService portage;
    private final DossierService dossiers;
    private final FunderRepository funders;
    private final InvoiceDocuments documents;
    private final InvoiceDispatchRepository dispatches;
    private final EmailSender email;
    private final Clock clock;

    public OpcoInvoiceMailer(PortageService portage, DossierService dossiers, FunderRepository funders, InvoiceDocuments documents,
                             InvoiceDispatchRepository dispatches, EmailSender email, Clock clock) {
        this.portage = portage;
        this.dossiers = dossiers;
        this.funders = funders;
        this.documents = documents;
        this.dispatches = dispatches;
        this.email = email;
        this.clock = clock;
    }

    /** After the commit: an e-mail never announces an invoice that a rollback took back. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onIssued(PortageInvoicesIssued issued) {
        TrainingAction action = dossiers.get(issued.actionId());
        portage.of(action.getId()).stream().filter(i -> i.getRecipient() == PortageBilling.Recipient.OPCO).forEach(i -> send(action, i));
    }

    /** Sends an OPCO's invoice again, after a failure: only one that was never accepted by the mail server. */
    @Transactional
    public InvoiceDispatch resend(InvoiceDispatch failed) {
        List<InvoiceDispatch> all = dispatches.findByPortageInvoiceIdOrderByIdAsc(failed.getPortageInvoiceId());
        if (all.stream().anyMatch(d -> d.getStatus() == InvoiceDispatch.Status.SENT)) {
            throw new BusinessRuleException("Cette facture a déjà été envoyée à l'OPCO : elle n'est pas renvoyée une seconde fois.");
        }
        TrainingAction action = dossiers.get(failed.getActionId());
        return send(action, portage.get(action, failed.getPortageInvoiceId()));
    }

    private InvoiceDispatch send(TrainingAction action, PortageInvoice invoice) {
        Funder platform = action.getFunder();
        ClientOpco opco = opcoOf(action, invoice);
        String subject = "Facture " + invoice.getNumber() + " — " + platform.getName() + " — accord de prise en charge n° "
                + invoice.getFundingAgreementReference();
        String error = null;
        if (opco.email() == null || opco.email().isBlank()) {
            error = "La fiche de " + opco.name() + " n'indique aucune adresse e-mail de réception des factures.";
        } else {
            try {
                email.send(opco.email(), subject, body(action, invoice, opco.name()), new EmailSender.Attachment(
                        "facture-" + invoice.getNumber() + ".pdf", "application/pdf", documents.pdf(action, invoice)));
            } catch (EmailNotSentException e) {
                log.warn("Invoice {} not sent to {}: {}", invoice.getNumber(), opco.email(), e.getMessage());
                error = e.getMessage();
            }
        }
        return dispatches.save(new InvoiceDispatch(invoice, platform.getId(), opco.name(), opco.email() == null ? "" : opco.email(), subject,
                error, clock.now()));
    }

    private record ClientOpco(String name, String email) { }

    private ClientOpco opcoOf(TrainingAction action, PortageInvoice invoice) {
        String name = action.getClients().stream().filter(c -> c.name().equals(invoice.getClientName())).findFirst()
                .map(fr.formaflow.dossier.ClientCompany::opco).orElse("OPCO");
        return new ClientOpco(name, funders.findFirstByNameIgnoreCase(name).map(Funder::getInvoiceEmail).orElse(null));
    }

    private static String body(TrainingAction action, PortageInvoice invoice, String opco) {
        return "Madame, Monsieur,\n\n"
                + "Veuillez trouver ci-joint la facture n° " + invoice.getNumber() + " de " + action.getFunder().getName() + " adressée à " + opco
                + ", d'un montant de " + French.euros(invoice.getGrossCents()) + " TTC, au titre de l'accord de prise en charge n° "
                + invoice.getFundingAgreementReference() + " de " + invoice.getClientName() + ", pour la formation « " + action.getTitle()
                + " » (contrat n° " + action.getContractNumber() + ").\n\n"
                + "La facture est au format Factur-X : le PDF contient ses données structurées.\n"
                + "Échéance : " + French.date(invoice.getIssuedAt().toLocalDate().plusDays(InvoiceDocuments.PAYMENT_DAYS)) + ".\n"
                + "Référence à indiquer sur le virement : " + invoice.getNumber() + " / " + action.getContractNumber() + ".\n\n"
                + "Cordialement,\n" + action.getFunder().getName();
    }
}
