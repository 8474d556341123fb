package fr.formaflow.invoicing;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.NumberSequences;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payment requests of an action: computed from the confirmed months, confirmed, decided by the funder, paid. */
@Service
@Transactional
public class InvoiceService {

    /** Training is VAT-exempt (CGI art. 261-4-4°) unless the organisation is liable to VAT. */
    static final BigDecimal VAT_RATE = BigDecimal.valueOf(20);

    private final InvoiceRepository invoices;
    private final AttendanceService attendance;
    private final NumberSequences sequences;

    public InvoiceService(InvoiceRepository invoices, AttendanceService attendance, NumberSequences sequences) {
        this.invoices = invoices;
        this.attendance = attendance;
        this.sequences = sequences;
    }

    public List<Invoice> of(long actionId) {
        return invoices.findByActionIdOrderByCreatedAtAscIdAsc(actionId);
    }

    public Invoice get(long invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("La facture n° " + invoiceId + " n'existe pas."));
    }

    /** After a month's confirmation: the invoice the payment mode makes due now, as a draft, if any. */
    public Optional<Invoice> prepareForMonth(TrainingAction action, YearMonth month, List<BigDecimal> thresholds, LocalDateTime now) {
        List<Invoice> existing = of(action.getId());
        Set<YearMonth> invoiced = new HashSet<>();
        existing.stream().filter(Invoice::counts).forEach(i -> invoiced.addAll(i.coveredMonths()));
        List<YearMonth> confirmed = attendance.declarations(action.getId()).stream()
                .filter(MonthlyDeclaration::isConfirmed).map(MonthlyDeclaration::yearMonth).toList();
        List<YearMonth> pending = confirmed.stream().filter(m -> !invoiced.contains(m) && !m.isAfter(month)).toList();
        YearMonth lastInvoiced = invoiced.stream().max(YearMonth::compareTo).orElse(null);
        int sinceLast = (int) confirmed.stream().filter(m -> lastInvoiced == null || m.isAfter(lastInvoiced)).count();
        int advances = (int) existing.stream().filter(Invoice::counts).filter(i -> i.getKind().isAdvance()).count();
        YearMonth first = YearMonth.from(action.getRealStart());
        boolean last = month.equals(YearMonth.from(action.getPlannedEnd()));
        InvoiceSchedule.Decision decision = InvoiceSchedule.decide(new InvoiceSchedule.Confirmation(
                action.getPaymentMode(), first, pending, month, last, attendance.realisationRate(action), advances, thresholds, sinceLast));
        if (!decision.invoiceDue()) {
            return Optional.empty();
        }
        PeriodAmount amount = InvoiceCalculator.periodAmount(attendance.hourLines(action.getId(), decision.coveredMonths()), unitCosts(action));
        long net = InvoiceCalculator.toCents(amount.amount());
        return Optional.of(invoices.save(new Invoice(action.getId(), decision.kind(), decision.coveredMonths(), amount, net,
                totals(action, net), decision.explanation(), now)));
    }

    /**
     * The balance: the amount due on every realised hour, minus what was already invoiced, never beyond the
     * action's total price.
     */
    public Invoice prepareBalance(TrainingAction action, LocalDateTime now) {
        List<Invoice> existing = of(action.getId());
        existing.stream().filter(i -> i.getKind() == InvoiceKind.BALANCE && i.getStatus() == InvoiceStatus.DRAFT)
                .forEach(invoices::delete);
        PeriodAmount due = InvoiceCalculator.periodAmount(attendance.hourLines(action.getId(), (List<YearMonth>) null), unitCosts(action));
        long dueCents = Math.min(InvoiceCalculator.toCents(due.amount()), action.totalPriceCents());
        long already = existing.stream().filter(Invoice::counts).mapToLong(Invoice::getNetCents).sum();
        long balance = Math.max(0, dueCents - already);
        List<YearMonth> months = attendance.declarations(action.getId()).stream().map(MonthlyDeclaration::yearMonth).toList();
        String explanation = "Solde : " + French.euros(dueCents) + " dus sur les heures réalisées, moins "
                + French.euros(already) + " déjà facturés.";
        return invoices.save(new Invoice(action.getId(), InvoiceKind.BALANCE, months, due, balance, totals(action, balance), explanation, now));
    }

    /** The organisation confirms: the invoice takes the next number of its series, without gaps. */
    public Invoice confirm(TrainingAction action, long invoiceId, boolean confirmed, LocalDateTime now) {
        if (!confirmed) {
            throw new BusinessRuleException("Cochez la confirmation de la facture pour la transmettre au financeur.");
        }
        Invoice invoice = owned(action, invoiceId);
        long next = sequences.next("invoice:" + action.getOrganisation().getId() + ":" + now.getYear());
        invoice.confirm(String.format("F%d-%05d", now.getYear(), next), now);
        return invoice;
    }

    public Invoice decide(TrainingAction action, long invoiceId, boolean approved, String reason, String userId, LocalDateTime now) {
        Invoice invoice = owned(action, invoiceId);
        if (approved) {
            invoice.accept(userId, now);
        } else {
            invoice.reject(reason, userId, now);
        }
        return invoice;
    }

    public Invoice recordPayment(TrainingAction action, long invoiceId, LocalDate paidOn, String reference) {
        Invoice invoice = owned(action, invoiceId);
        invoice.pay(paidOn, reference);
        return invoice;
    }

    private Invoice owned(TrainingAction action, long invoiceId) {
        Invoice invoice = get(invoiceId);
        if (!invoice.getActionId().equals(action.getId())) {
            throw new NotFoundException("La facture n° " + invoiceId + " n'appartient pas à ce dossier.");
        }
        return invoice;
    }

    private static UnitCosts unitCosts(TrainingAction action) {
        return new UnitCosts(InvoiceCalculator.fromCents(action.getUnitCostCentreCents()),
                InvoiceCalculator.fromCents(action.getUnitCostCompanyCents()));
    }

    private static Totals totals(TrainingAction action, long netCents) {
        BigDecimal rate = action.getOrganisation().isVatLiable() ? VAT_RATE : BigDecimal.ZERO;
        return InvoiceCalculator.totals(InvoiceCalculator.fromCents(netCents), rate);
    }
}
