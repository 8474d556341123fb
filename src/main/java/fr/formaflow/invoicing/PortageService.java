package fr.formaflow.invoicing;

import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NumberSequences;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The invoices a portage platform issues at closure, their payments, and the release of the organisation's payment. */
@Service
@Transactional
public class PortageService {

    private final PortageInvoiceRepository portageInvoices;
    private final InvoiceService invoices;
    private final DocumentService documents;
    private final NumberSequences sequences;
    private final Clock clock;
    private final FunderRepository funders;
    private final ApplicationEventPublisher events;
    private final PortageOfferRepository offers;

    public PortageService(PortageInvoiceRepository portageInvoices, InvoiceService invoices, DocumentService documents,
                          NumberSequences sequences, Clock clock, FunderRepository funders, ApplicationEventPublisher events,
                          PortageOfferRepository offers) {
        this.clock = clock;
        this.funders = funders;
        this.events = events;
        this.offers = offers;
        this.portageInvoices = portageInvoices;
        this.invoices = invoices;
        this.documents = documents;
        this.sequences = sequences;
    }

    public List<PortageInvoice> of(long actionId) {
        return portageInvoices.findByActionIdOrderByIdAsc(actionId);
    }

    public PortageInvoice get(TrainingAction action, long portageInvoiceId) {
        return portageInvoices.findById(portageInvoiceId).filter(i -> i.getActionId().equals(action.getId()))
                .orElseThrow(() -> new NotFoundException("Cette facture de portage n'existe pas dans ce dossier."));
    }

    /** The training amount: what the organisation invoiced the platform (its balance invoice at closure). */
    public long trainingAmountCents(TrainingAction action) {
        return invoices.invoicedAmountCents(action.getId());
    }

    /** The split proposed to the platform: the amount shared equally between the clients, nothing to their OPCOs yet. */
    public List<PortageBilling.Share> proposedShares(TrainingAction action) {
        List<ClientCompany> clients = action.getClients();
        List<Long> amounts = PortageBilling.equalShares(trainingAmountCents(action), clients.size());
        boolean agreement = fundingAgreementOnFile(action);
        List<PortageBilling.Share> shares = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            shares.add(new PortageBilling.Share(clients.get(i).name(), clients.get(i).opco(), amounts.get(i), 0, agreement));
        }
        return shares;
    }

    /**
     * Issues the platform's invoices for the split the validator entered (client name → amounts, and the reference of
     * the funding agreement of an OPCO share): numbered in the platform's gap-free yearly series (P2026-00001). Issued
     * once per action; the OPCOs' invoices are then e-mailed to them ({@link OpcoInvoiceMailer}).
     */
    public List<PortageInvoice> issue(TrainingAction action, List<PortageBilling.Share> entered, BigDecimal feePercent, LocalDateTime now) {
        if (!of(action.getId()).isEmpty()) {
            throw new BusinessRuleException("Les factures de portage de ce dossier ont déjà été émises.");
        }
        Set<String> clientNames = action.getClients().stream().map(ClientCompany::name).collect(Collectors.toSet());
        boolean agreement = fundingAgreementOnFile(action);
        List<PortageBilling.Share> shares = new ArrayList<>();
        for (PortageBilling.Share share : entered) {
            if (!clientNames.contains(share.client())) {
                throw new BusinessRuleException("« " + share.client() + " » n'est pas un client de cette action.");
            }
            String opco = action.getClients().stream().filter(c -> c.name().equals(share.client())).findFirst().orElseThrow().opco();
            shares.add(new PortageBilling.Share(share.client(), opco, share.clientCents(), share.opcoCents(), agreement,
                    share.fundingAgreementReference(), opcoIdentity(opco)));
        }
        BigDecimal trainingVat = action.getOrganisation().vatRate();
        long training = trainingAmountCents(action);
        List<PortageInvoice> issued = PortageBilling.bills(training, shares, trainingVat, serviceFeeCents(action, training, feePercent)).stream()
                .map(bill -> portageInvoices.save(new PortageInvoice(action.getId(), nextNumber(action, now), bill, now)))
                .toList();
        events.publishEvent(new OpcoInvoiceMailer.PortageInvoicesIssued(action.getId()));
        return issued;
    }

    /** The OPCO's funder record, as its invoice needs it; null when Formaflow does not know this OPCO. */
    private PortageBilling.OpcoIdentity opcoIdentity(String opco) {
        if (opco == null || opco.isBlank()) {
            return null;
        }
        return funders.findFirstByNameIgnoreCase(opco.trim()).filter(f -> f.getScheme() == FundingScheme.OPCO)
                .map(f -> new PortageBilling.OpcoIdentity(f.getName(), f.getSiret(), f.getStreet(), f.getPostcode(), f.getCity(),
                        f.getInvoiceEmail())).orElse(null);
    }

    /** The platform's offers, in its order. */
    public List<PortageOffer> offersOf(Funder funder) {
        return offers.findByFunderIdOrderByRankInListAsc(funder.getId());
    }

    /** Every offer of the dossier's platform for the action as submitted (its trainees and price), the one that fits it marked. */
    public List<PortageOffers.Proposal> proposals(TrainingAction action) {
        requirePortage(action);
        if (action.getTotalTrainees() == null || action.getTotalTrainees() < 1) {
            throw new BusinessRuleException("Le nombre de stagiaires de l'action n'est pas encore renseigné : complétez le programme "
                    + "pour trouver l'offre qui vous correspond.");
        }
        return PortageOffers.propose(offersOf(action.getFunder()).stream().map(PortageOffer::rules).toList(),
                new PortageOffers.Situation(action.getTotalTrainees(), action.totalPriceCents()));
    }

    public Optional<PortageOffer> chosenOffer(TrainingAction action) {
        return action.getPortageOfferId() == null ? Optional.empty() : offers.findById(action.getPortageOfferId());
    }

    /**
     * The organisation chooses one of its platform's offers for the dossier: one that suits the action's number of
     * trainees, and only until the platform issued its invoices (the fee is then fixed).
     */
    public PortageOffer chooseOffer(TrainingAction action, String code) {
        requirePortage(action);
        PortageOffer offer = offers.findByFunderIdAndCode(action.getFunder().getId(), code == null ? "" : code.trim())
                .orElseThrow(() -> new BusinessRuleException("« " + code + " » n'est pas une offre de " + action.getFunder().getName() + "."));
        if (!of(action.getId()).isEmpty()) {
            throw new BusinessRuleException("Les factures de portage de ce dossier sont émises : son offre ne peut plus changer.");
        }
        if (action.getTotalTrainees() != null) {
            PortageOffers.whyNot(offer.rules(), action.getTotalTrainees()).ifPresent(why -> {
                throw new BusinessRuleException(why);
            });
        }
        action.choosePortageOffer(offer.getId());
        return offer;
    }

    /** The platform's fee: the chosen offer's grid, or the funder rules' percentage when no offer was chosen. */
    public long serviceFeeCents(TrainingAction action, long trainingCents, BigDecimal defaultPercent) {
        return chosenOffer(action).map(o -> PortageOffers.feeCents(o.rules(), trainingCents))
                .orElseGet(() -> PortageBilling.serviceFeeCents(trainingCents, defaultPercent));
    }

    /** How the fee is computed, in French, for the validator issuing the invoices. */
    public String serviceFeeBasis(TrainingAction action, BigDecimal defaultPercent) {
        return chosenOffer(action).map(o -> "offre « " + o.getName() + " » : " + PortageOffers.describe(o.rules()))
                .orElseGet(() -> French.number(defaultPercent) + " %, aucune offre choisie");
    }

    private static void requirePortage(TrainingAction action) {
        if (action.getFunder().getScheme() != FundingScheme.PORTAGE) {
            throw new BusinessRuleException("Ce dossier n'est pas financé par une plateforme de portage : il n'a pas d'offre à choisir.");
        }
    }

    public PortageInvoice recordPayment(TrainingAction action, long portageInvoiceId, LocalDate on, String reference) {
        PaymentDates.requireReceived(on, clock.today());
        PortageInvoice invoice = get(action, portageInvoiceId);
        invoice.pay(on, reference);
        return invoice;
    }

    public boolean allPaid(TrainingAction action) {
        List<PortageInvoice> issued = of(action.getId());
        return !issued.isEmpty() && issued.stream().allMatch(PortageInvoice::isPaid);
    }

    /** The organisation is paid only once the clients, their OPCOs and the service fee have all paid (seed 000). */
    public void requireAllPaid(TrainingAction action) {
        List<PortageInvoice> issued = of(action.getId());
        if (issued.isEmpty()) {
            throw new BusinessRuleException("Les factures de portage n'ont pas encore été émises : l'organisme ne peut pas être réglé.");
        }
        List<String> unpaid = issued.stream().filter(i -> !i.isPaid()).map(PortageService::describe).toList();
        BusinessRuleException.throwIfAny("L'organisme est réglé à réception de tous les règlements ; restent à encaisser :", unpaid);
    }

    public static String describe(PortageInvoice invoice) {
        String who = invoice.getRecipient() == PortageBilling.Recipient.SERVICE_FEE ? invoice.getRecipient().label()
                : invoice.getRecipient().label() + " — " + invoice.getClientName();
        return invoice.getNumber() + " (" + who + ", " + French.euros(invoice.getGrossCents()) + " TTC)"
                + (invoice.isPaid() ? " réglée le " + French.date(invoice.getPaidOn()) + ", réf. " + invoice.getPaymentReference() : "");
    }

    private boolean fundingAgreementOnFile(TrainingAction action) {
        return documents.of(action).stream().anyMatch(d -> d.getType() == DocumentType.FUNDING_AGREEMENT);
    }

    private String nextNumber(TrainingAction action, LocalDateTime now) {
        long next = sequences.next("portage:" + action.getFunder().getId() + ":" + now.getYear());
        return String.format("P%d-%05d", now.getYear(), next);
    }
}
