package fr.formaflow.invoicing;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.documents.NilBalanceStatementPdf;
import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.MarketReferences;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.TraineeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An invoice of a dossier as the Factur-X PDF the organisation sends: seller the organisation, buyer the funder. */
@Service
@Transactional(readOnly = true)
public class InvoiceDocuments {

    static final int PAYMENT_DAYS = fr.formaflow.funder.FunderRules.PAYMENT_DAYS;
    static final String PAYMENT_TERMS = "Paiement à " + PAYMENT_DAYS + " jours par virement, en rappelant le numéro de facture et le "
            + "numéro de contrat. En cas de retard de paiement : pénalités au taux d'intérêt de la Banque centrale européenne majoré "
            + "de 10 points, et indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce). "
            + "Pas d'escompte pour paiement anticipé.";

    private static final Pattern CLIENT_ADDRESS = Pattern.compile("(.+),\\s*(\\d{5})\\s+(.+)");

    private final InvoiceService invoices;
    private final FunderRepository funders;
    private final TraineeService trainees;
    private final AttendanceService attendance;

    @Autowired
    public InvoiceDocuments(InvoiceService invoices, FunderRepository funders, TraineeService trainees, AttendanceService attendance) {
        this.invoices = invoices;
        this.funders = funders;
        this.trainees = trainees;
        this.attendance = attendance;
    }

    /** Without the trainees' hours: an OPCO's invoice then lists none (tests of the invoice's other contents). */
    InvoiceDocuments(InvoiceService invoices, FunderRepository funders) {
        this(invoices, funders, null, null);
    }

    public byte[] pdf(TrainingAction action, long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice.isNil() && invoice.getConfirmedAt() != null && invoice.getActionId().equals(action.getId())) {
            return NilBalanceStatementPdf.render(action, invoice.getConfirmedAt().toLocalDate(),
                    invoice.coveredMonths().stream().map(French::month).collect(Collectors.joining(", ")), invoice.getExplanation());
        }
        return InvoicePdf.render(document(action, invoice));
    }

    /** A portage platform's invoice: seller the platform, buyer the client, the client's OPCO, or the organisation (its fee). */
    public byte[] pdf(TrainingAction action, PortageInvoice invoice) {
        return InvoicePdf.render(document(action, invoice));
    }

    InvoiceDocument document(TrainingAction action, PortageInvoice invoice) {
        return document(action, invoice, invoice.getRecipient() == PortageBilling.Recipient.OPCO ? traineeHours(action) : List.of());
    }

    /** Each trainee of the action with the hours confirmed in its monthly declarations: what the OPCO pays for. */
    List<PortageBilling.TraineeHours> traineeHours(TrainingAction action) {
        if (trainees == null) {
            return List.of();
        }
        Map<Long, List<HourLine>> lines = attendance.confirmedHourLines(action.getId()).stream()
                .collect(Collectors.groupingBy(HourLine::traineeId));
        return trainees.of(action.getId()).stream().map(t -> {
            List<HourLine> own = lines.getOrDefault(t.getId(), List.of());
            return new PortageBilling.TraineeHours(t.fullName(), sum(own, HourLine::centreCompleted), sum(own, HourLine::companyCompleted),
                    sum(own, HourLine::centreJustified).add(sum(own, HourLine::companyJustified)));
        }).toList();
    }

    private static BigDecimal sum(List<HourLine> lines, java.util.function.Function<HourLine, BigDecimal> hours) {
        return lines.stream().map(hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * An OPCO's invoice is addressed to the OPCO's record (address, SIRET and SIREN, the e-mail it receives invoices at),
     * quotes the funding agreement (BT-13, the buyer's order) and lists the trainees with their hours.
     */
    InvoiceDocument document(TrainingAction action, PortageInvoice invoice, List<PortageBilling.TraineeHours> traineeHours) {
        PortageBilling.Recipient recipient = invoice.getRecipient();
        ClientCompany client = action.getClients().stream().filter(c -> c.name().equals(invoice.getClientName())).findFirst().orElse(null);
        InvoiceDocument.Party buyer = switch (recipient) {
            case CLIENT -> client(client);
            // the OPCO's record when it has one: its SIRET gives the buyer's SIREN and e-invoicing address (BT-47, BT-49)
            case OPCO -> funders.findFirstByNameIgnoreCase(client.opco()).map(InvoiceDocuments::opco)
                    .orElse(new InvoiceDocument.Party(client.opco(), null, null, null, null, null, null, null, null));
            case SERVICE_FEE -> seller(action.getOrganisation(), false);
        };
        String description = switch (recipient) {
            case CLIENT -> "Formation « " + action.getTitle() + " » — part de " + invoice.getClientName();
            case OPCO -> "Formation « " + action.getTitle() + " » — prise en charge de " + invoice.getClientName();
            case SERVICE_FEE -> "Frais de prestation de la plateforme de portage — action n° " + action.getContractNumber();
        };
        List<String> notes = new ArrayList<>();
        if (recipient == PortageBilling.Recipient.OPCO) {
            notes.add("Subrogation de paiement : facture adressée à l'OPCO au titre de l'accord de prise en charge "
                    + (invoice.getFundingAgreementReference() == null ? "" : "n° " + invoice.getFundingAgreementReference() + " ")
                    + "de " + invoice.getClientName() + ".");
            notes.add(PortageBilling.traineesNote(traineeHours));
        }
        if (recipient == PortageBilling.Recipient.SERVICE_FEE) {
            notes.add("Le règlement de votre facture de formation intervient à réception de tous les règlements (clients, OPCO et présente facture).");
        }
        BigDecimal net = InvoiceCalculator.fromCents(invoice.getNetCents());
        BigDecimal vat = InvoiceCalculator.fromCents(invoice.getVatCents());
        LocalDate issued = invoice.getIssuedAt().toLocalDate();
        return new InvoiceDocument(invoice.getNumber(), issued, issued.plusDays(PAYMENT_DAYS), false, "Facture — " + recipient.label(),
                platform(action.getFunder(), vat.signum() > 0), buyer, action.getContractNumber(), action.getTitle(), null,
                List.of(new InvoiceDocument.Line(description, BigDecimal.ONE, "forfait", net, net)), net,
                vat.signum() == 0 ? BigDecimal.ZERO : (recipient == PortageBilling.Recipient.SERVICE_FEE ? PortageBilling.SERVICE_VAT_RATE : InvoiceService.VAT_RATE),
                vat, InvoiceCalculator.fromCents(invoice.getGrossCents()), vat.signum() == 0, notes,
                PAYMENT_TERMS + " Référence à indiquer sur le virement : " + invoice.getNumber() + " / " + action.getContractNumber() + ".", null,
                null, start(action), end(action), invoice.getFundingAgreementReference() == null ? InvoiceDocument.BuyerReferences.of(action.getContractNumber())
                        : new InvoiceDocument.BuyerReferences(action.getContractNumber(), action.getContractNumber(),
                        invoice.getFundingAgreementReference(), "Accord de prise en charge n°"));
    }

    /** "Domaine de Grammont, 34000 Montpellier": the street, then the postcode and city after the last comma. */
    private static InvoiceDocument.Party client(ClientCompany client) {
        Matcher address = CLIENT_ADDRESS.matcher(client.address() == null ? "" : client.address().trim());
        boolean split = address.matches();
        return new InvoiceDocument.Party(client.name(), client.siret(), null, null, null, split ? address.group(1) : client.address(),
                split ? address.group(2) : null, split ? address.group(3) : null, client.email());
    }

    InvoiceDocument document(TrainingAction action, Invoice invoice) {
        if (!invoice.getActionId().equals(action.getId())) {
            throw new NotFoundException("Cette facture n'existe pas dans ce dossier.");
        }
        if (invoice.getNumber() == null) {
            throw new BusinessRuleException("Cette facture n'est pas encore confirmée : elle recevra son numéro, et son PDF, à la confirmation.");
        }
        boolean credit = invoice.getKind() == InvoiceKind.CREDIT_NOTE;
        String months = invoice.coveredMonths().stream().map(French::month).collect(Collectors.joining(", "));
        List<InvoiceDocument.Line> lines = lines(action, invoice, months);
        BigDecimal net = InvoiceCalculator.fromCents(invoice.getNetCents());
        BigDecimal vat = InvoiceCalculator.fromCents(invoice.getVatCents());
        List<String> notes = new ArrayList<>();
        if (invoice.getExplanation() != null) {
            notes.add(invoice.getExplanation());
        }
        Invoice creditedInvoice = credit ? invoices.get(invoice.getCreditedInvoiceId()) : null;
        List<java.time.YearMonth> covered = invoice.coveredMonths();
        LocalDate from = covered.isEmpty() ? start(action) : later(covered.get(0).atDay(1), start(action));
        LocalDate to = covered.isEmpty() ? end(action) : earlier(covered.get(covered.size() - 1).atEndOfMonth(), end(action));
        return new InvoiceDocument(invoice.getNumber(), invoice.getConfirmedAt().toLocalDate(),
                credit ? null : invoice.getConfirmedAt().toLocalDate().plusDays(PAYMENT_DAYS), credit,
                credit ? "Avoir" : "Facture — " + invoice.getKind().label(),
                seller(action.getOrganisation(), vat.signum() > 0), buyer(action.getFunder()), action.getContractNumber(), action.getTitle(),
                months.isEmpty() ? null : months, lines, net, vat.signum() == 0 ? BigDecimal.ZERO : InvoiceService.VAT_RATE, vat,
                InvoiceCalculator.fromCents(invoice.getGrossCents()), vat.signum() == 0, notes,
                credit ? null : PAYMENT_TERMS + " Référence à indiquer sur le virement : " + paymentReference(invoice, action) + ".",
                credit ? creditedInvoice.getNumber() : null, credit ? creditedInvoice.getConfirmedAt().toLocalDate() : null, from, to,
                invoice.references(action.getContractNumber()));
    }

    /** A Région market's invoices carry its service code, market and legal commitment at issue, as its payment platform asks. */
    static InvoiceDocument.BuyerReferences references(TrainingAction action) {
        MarketReferences market = action.getMarketReferences();
        String contract = action.getContractNumber();
        return new InvoiceDocument.BuyerReferences(market.serviceCode() == null ? contract : market.serviceCode(),
                market.marketNumber() == null ? contract : market.marketNumber(), market.commitmentNumber());
    }

    /** The action's first day: real if it has opened, planned otherwise. */
    private static LocalDate start(TrainingAction action) {
        return action.getRealStart() != null ? action.getRealStart() : action.getPlannedStart();
    }

    private static LocalDate end(TrainingAction action) {
        return action.getRealEnd() != null ? action.getRealEnd() : action.getPlannedEnd();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    /** What the funder quotes on its transfer, so that the organisation matches the bank line with the invoice. */
    static String paymentReference(Invoice invoice, TrainingAction action) {
        return invoice.getNumber() + " / " + action.getContractNumber();
    }

    /**
     * Hours in centre and in company at their unit costs when they make up the amount; a single line otherwise (an
     * amount capped by the action's price, a balance); and the subcontractors' share, deducted.
     */
    private static List<InvoiceDocument.Line> lines(TrainingAction action, Invoice invoice, String months) {
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        BigDecimal centreCost = InvoiceCalculator.fromCents(action.getUnitCostCentreCents());
        BigDecimal companyCost = InvoiceCalculator.fromCents(action.getUnitCostCompanyCents());
        long centre = InvoiceCalculator.cents(invoice.getCentreHours(), centreCost);
        long company = InvoiceCalculator.cents(invoice.getCompanyHours(), companyCost);
        if (invoice.getKind() != InvoiceKind.BALANCE && centre + company == invoice.getHoursAmountCents()) {
            if (invoice.getCentreHours().signum() > 0) {
                lines.add(new InvoiceDocument.Line("Heures de formation en centre — " + months, invoice.getCentreHours(), "h", centreCost,
                        InvoiceCalculator.fromCents(centre)));
            }
            if (invoice.getCompanyHours().signum() > 0) {
                lines.add(new InvoiceDocument.Line("Heures de formation en entreprise — " + months, invoice.getCompanyHours(), "h",
                        companyCost, InvoiceCalculator.fromCents(company)));
            }
        }
        if (lines.isEmpty() && invoice.getAdvanceCents() > 0) {
            BigDecimal advance = InvoiceCalculator.fromCents(invoice.getAdvanceCents());
            lines.add(new InvoiceDocument.Line(invoice.getKind().label() + " sur le prix de l'action — " + action.getTitle(), BigDecimal.ONE,
                    "forfait", advance, advance));
        } else if (lines.isEmpty()) {
            BigDecimal amount = InvoiceCalculator.fromCents(invoice.getHoursAmountCents());
            lines.add(new InvoiceDocument.Line(invoice.getKind().label() + " — " + action.getTitle(), BigDecimal.ONE, "forfait", amount, amount));
        }
        if (invoice.getSubcontractedCents() > 0) {
            // a deduction is a negative quantity: EN 16931 forbids negative prices (BR-27)
            BigDecimal deducted = InvoiceCalculator.fromCents(invoice.getSubcontractedCents());
            lines.add(new InvoiceDocument.Line(invoice.getNotes().replace("\n", " ; ") + " (facturés directement par le sous-traitant, déduits)",
                    BigDecimal.ONE.negate(), "forfait", deducted, deducted.negate()));
        }
        if (invoice.getAdvanceRepaidCents() > 0) {
            // the advance taken back: a negative quantity as for the subcontractors' share (BR-27)
            BigDecimal repaid = InvoiceCalculator.fromCents(invoice.getAdvanceRepaidCents());
            lines.add(new InvoiceDocument.Line("Remboursement de l'avance versée sur le prix de l'action (déduit)", BigDecimal.ONE.negate(),
                    "forfait", repaid, repaid.negate()));
        }
        return lines;
    }

    /** The organisation as seller: its intra-EU VAT number whenever it charges VAT, its legal mentions, its bank account. */
    private static InvoiceDocument.Party seller(Organisation o, boolean vatCharged) {
        return new InvoiceDocument.Party(o.getName(), o.getSiret(), vatCharged ? o.intraEuVatNumber() : o.getVatNumber(), o.getNda(),
                o.ndaMention(), o.getStreet(), o.getPostcode(), o.getCity(), o.getEmail(), o.legalMention(), o.getIban(), o.getBic());
    }

    /** A portage platform as seller: a funder record, its intra-EU VAT number derived from its SIREN when it charges VAT. */
    private static InvoiceDocument.Party platform(Funder f, boolean vatCharged) {
        String vat = vatCharged && fr.formaflow.organisation.Siret.isValid(f.getSiret()) ? fr.formaflow.organisation.Siret.of(f.getSiret()).intraEuVatNumber() : null;
        return new InvoiceDocument.Party(f.getName(), f.getSiret(), vat, null, null, f.getStreet(), f.getPostcode(), f.getCity(), null);
    }

    /** An OPCO as buyer: its record's address and SIRET (its SIREN, BT-47), and where it receives invoices. */
    private static InvoiceDocument.Party opco(Funder f) {
        return new InvoiceDocument.Party(f.getName(), f.getSiret(), null, null, null, f.getStreet(), f.getPostcode(), f.getCity(), f.getInvoiceEmail());
    }

    private static InvoiceDocument.Party buyer(Funder f) {
        return new InvoiceDocument.Party(f.getName(), f.getSiret(), null, null, null, f.getStreet(), f.getPostcode(), f.getCity(), null);
    }

    private static String invoiceId(Invoice invoice) {
        return String.valueOf(invoice.getId());
    }
}
