package fr.formaflow.invoicing;

import fr.formaflow.events.Events;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.dossier.ExecutionCalendar;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.AdvanceKind;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.NumberSequences;
import java.math.BigDecimal;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import fr.formaflow.attendance.HourLine;

/** Payment requests of an action: computed from the confirmed months, confirmed, decided by the funder, paid. */
@Service
@Transactional
public class InvoiceService {

    private final Events events;

    /** Training is VAT-exempt (CGI art. 261-4-4°) unless the organisation is liable to VAT. */
    static final BigDecimal VAT_RATE = fr.formaflow.organisation.Organisation.STANDARD_VAT_RATE;

    private final InvoiceRepository invoices;
    private final AttendanceService attendance;
    private final NumberSequences sequences;
    private final SubcontractorInvoiceRepository subcontractors;
    private final OrganisationRepository organisations;
    private final TraineeService trainees;
    private final Clock clock;
    private final AdvanceRecoveries recoveries;

    public InvoiceService(InvoiceRepository invoices, AttendanceService attendance, NumberSequences sequences,
                          SubcontractorInvoiceRepository subcontractors, OrganisationRepository organisations, TraineeService trainees, Events events,
                          Clock clock, AdvanceRecoveries recoveries) {
        this.clock = clock;
        this.recoveries = recoveries;
        this.events = events;
        this.invoices = invoices;
        this.attendance = attendance;
        this.sequences = sequences;
        this.subcontractors = subcontractors;
        this.organisations = organisations;
        this.trainees = trainees;
    }

    public List<Invoice> of(long actionId) {
        return invoices.findByActionIdOrderByCreatedAtAscIdAsc(actionId);
    }

    public Invoice get(long invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("La facture n° " + invoiceId + " n'existe pas."));
    }

    /** After a month's confirmation: the invoice the payment mode makes due now, as a draft, if any. */
    public Optional<Invoice> prepareForMonth(TrainingAction action, YearMonth month, List<BigDecimal> thresholds, LocalDateTime now) {
        return prepareForMonth(action, month, thresholds, FunderRules.Advance.NONE, now);
    }

    /** The same, repaying the advance as the funder's rules say (funder-rules.dmn) once the invoiced hours reach their share. */
    public Optional<Invoice> prepareForMonth(TrainingAction action, YearMonth month, List<BigDecimal> thresholds, FunderRules.Advance advance,
                                             LocalDateTime now) {
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
        PeriodAmount hours = InvoiceCalculator.periodAmount(attendance.hourLines(action.getId(), decision.coveredMonths()), unitCosts(action));
        long amount = InvoiceCalculator.capToPrice(InvoiceCalculator.toCents(hours.amount()), action.totalPriceCents(), alreadyInvoiced(existing));
        return Optional.of(issueDraft(action, decision.kind(), decision.coveredMonths(), hours, amount, decision.explanation(), advance, now));
    }

    /**
     * The balance: what is due on every realised hour — and on the remaining planned hours of trainees who left early
     * for a reason the funder admits — capped by the centre and company prices, minus what was already invoiced.
     */
    public Invoice prepareBalance(TrainingAction action, Set<String> admissibleEarlyExitReasons, LocalDateTime now) {
        return prepareBalance(action, admissibleEarlyExitReasons, FunderRules.Advance.NONE, now);
    }

    /** The same; the balance takes back whatever is left of the advance. */
    public Invoice prepareBalance(TrainingAction action, Set<String> admissibleEarlyExitReasons, FunderRules.Advance advance,
                                  LocalDateTime now) {
        if (action.getPedagogicalReport() == null || action.getPedagogicalReport().isBlank()) {
            throw new BusinessRuleException("La facture de solde ne peut pas être préparée : le bilan pédagogique n'est pas complété.");
        }
        List<Invoice> existing = of(action.getId());
        existing.stream().filter(i -> i.getKind() == InvoiceKind.BALANCE && i.getStatus() == InvoiceStatus.DRAFT)
                .forEach(draft -> {
                    subcontractors.findByActionIdOrderByRecordedAtAscIdAsc(action.getId()).stream()
                            .filter(s -> draft.getId().equals(s.getDeductedInInvoiceId())).forEach(s -> s.deductedIn(null));
                    invoices.delete(draft);
                });
        List<HourLine> lines = new ArrayList<>(attendance.confirmedHourLines(action.getId()));
        List<String> notes = new ArrayList<>();
        for (Trainee trainee : trainees.of(action.getId())) {
            if ("EARLY_EXIT".equals(trainee.getExitType()) && admissibleEarlyExitReasons.contains(trainee.getEarlyExitReason())) {
                HourLine recorded = lines.stream().filter(l -> l.traineeId() == trainee.getId())
                        .reduce(HourLine.zero(trainee.getId()), HourLine::plus);
                HourLine remaining = InvoiceCalculator.untilTheEnd(trainee.getId(), planned(trainee.getPathHoursCentre(), action.getHoursCentre()),
                        planned(trainee.getPathHoursCompany(), action.getHoursCompany()),
                        recorded.centreCompleted().add(recorded.centreJustified()).add(recorded.centreUnjustified()),
                        recorded.companyCompleted().add(recorded.companyJustified()).add(recorded.companyUnjustified()));
                lines.add(remaining);
                notes.add(trainee.fullName() + " : sortie anticipée recevable, " + French.hours(remaining.paidCentreHours().add(remaining.paidCompanyHours()))
                        + " payées jusqu'à la fin de l'action.");
            }
        }
        PeriodAmount due = InvoiceCalculator.periodAmount(lines, unitCosts(action));
        UnitCosts costs = unitCosts(action);
        long balance = InvoiceCalculator.balance(InvoiceCalculator.cents(due.centreHours(), costs.centrePerHour()),
                InvoiceCalculator.cents(due.companyHours(), costs.companyPerHour()), action.getPriceCentreCents(),
                action.getPriceCompanyCents(), alreadyInvoiced(existing));
        List<YearMonth> months = attendance.declarations(action.getId()).stream().map(MonthlyDeclaration::yearMonth).toList();
        String explanation = "Solde : montant dû sur les heures réalisées, dans la limite du prix de l'action, moins "
                + French.euros(alreadyInvoiced(existing)) + " déjà facturés." + (notes.isEmpty() ? "" : " " + String.join(" ", notes));
        return issueDraft(action, InvoiceKind.BALANCE, months, due, balance, explanation, advance, now);
    }

    /**
     * The Région's advance asked for at opening (avance forfaitaire or facultative), as a draft invoice of its own: the
     * rate recorded at opening times the action's price (12 months' worth of it beyond a year). The later invoices
     * repay it (see {@link Advances}).
     */
    public Invoice prepareAdvance(TrainingAction action, FunderRules.Advance terms, LocalDateTime now) {
        AdvanceKind kind = action.getAdvanceKind();
        if (kind == AdvanceKind.NONE) {
            throw new BusinessRuleException("Aucune avance n'a été demandée à l'ouverture de l'action.");
        }
        List<Invoice> existing = of(action.getId());
        if (existing.stream().anyMatch(i -> i.getKind().isMarketAdvance() && (i.counts() || i.getStatus() == InvoiceStatus.DRAFT))) {
            throw new BusinessRuleException("L'avance de l'action a déjà été facturée.");
        }
        int months = ExecutionCalendar.months(action.getPlannedStart(), action.getPlannedEnd()).size();
        long amount = Advances.amount(action.totalPriceCents(), months, action.getAdvancePercent());
        if (amount <= 0) {
            throw new BusinessRuleException("L'avance de l'action serait de 0,00 € : vérifiez son prix et le taux demandé.");
        }
        String rate = French.percent(action.getAdvancePercent());
        String explanation = kind.label() + " de " + rate + " du prix de l'action (" + French.euros(action.totalPriceCents()) + " HT"
                + (months > 12 ? ", ramené à 12 mois sur " + months : "") + "). Elle est remboursée par les factures suivantes dès que "
                + "les heures facturées atteignent " + French.percent(terms.repayFrom()) + " du prix, en totalité à " + French.percent(terms.repayUntil())
                + " ; le solde reprend ce qui en resterait.";
        return invoices.save(Invoice.advance(action.getId(), action.getOrganisation().getId(),
                kind == AdvanceKind.FLAT ? InvoiceKind.FLAT_ADVANCE : InvoiceKind.OPTIONAL_ADVANCE, amount, totals(action, amount),
                explanation, now));
    }

    /**
     * What an invoice of these hours takes back from the advance: what the hours invoiced with it make due (all that
     * is left, for the balance) minus what was already repaid, out of the net left after the subcontractors' share.
     */
    private static long advanceRepayment(TrainingAction action, List<Invoice> existing, InvoiceKind kind, long hoursAmountCents,
                                         long availableCents, FunderRules.Advance terms) {
        long advance = existing.stream().filter(Invoice::counts).mapToLong(Invoice::getAdvanceCents).sum();
        if (advance == 0) {
            return 0;
        }
        long repaid = existing.stream().filter(Invoice::counts).mapToLong(Invoice::getAdvanceRepaidCents).sum();
        long due = kind == InvoiceKind.BALANCE || !terms.offered() ? advance
                : Advances.repaidBy(advance, action.totalPriceCents(), alreadyInvoiced(existing) + hoursAmountCents, terms.repayFrom(),
                terms.repayUntil());
        return Advances.repayment(due, repaid, availableCents);
    }

    /** What is left of the advance once the invoices that count took their share back. */
    public long advanceOutstandingCents(long actionId) {
        List<Invoice> counted = of(actionId).stream().filter(Invoice::counts).toList();
        return counted.stream().mapToLong(Invoice::getAdvanceCents).sum() - counted.stream().mapToLong(Invoice::getAdvanceRepaidCents).sum();
    }

    /** A draft with the pending subcontractors' invoices deducted ("dont X € pour …"), and its VAT. */
    private Invoice issueDraft(TrainingAction action, InvoiceKind kind, List<YearMonth> months, PeriodAmount hours, long amountCents,
                               String explanation, FunderRules.Advance advanceTerms, LocalDateTime now) {
        List<SubcontractorInvoice> pending = subcontractors.findByActionIdAndDeductedInInvoiceIdIsNullOrderByRecordedAtAscIdAsc(action.getId());
        Subcontracting.Deduction deduction = Subcontracting.deduct(amountCents, pending.stream()
                .map(p -> new Subcontracting.Pending(p.getId(), organisations.findById(p.getSubcontractorId()).orElseThrow().getName(),
                        p.getAmountCents())).toList());
        String notes = deduction.deducted().stream()
                .map(d -> "Dont " + French.euros(d.amountCents()) + " pour " + d.subcontractor().toUpperCase())
                .reduce((a, b) -> a + "\n" + b).orElse(null);
        List<Invoice> existing = of(action.getId());
        long repaid = advanceRepayment(action, existing, kind, amountCents, deduction.netCents(), advanceTerms);
        if (repaid > 0) {
            long left = advanceOutstandingCents(action.getId()) - repaid;
            explanation = (explanation == null ? "" : explanation + " ") + "Remboursement de l'avance : " + French.euros(repaid)
                    + " déduits" + (left > 0 ? ", reste " + French.euros(left) + " à rembourser" : ", avance entièrement remboursée") + ".";
        }
        if (kind == InvoiceKind.BALANCE && advanceOutstandingCents(action.getId()) - repaid > 0) {
            explanation = explanation + " Le solde ne couvre pas l'avance : " + French.euros(advanceOutstandingCents(action.getId()) - repaid)
                    + " restent à reverser au financeur : un ordre de reversement sera émis à l'acceptation du solde.";
        }
        Invoice invoice = invoices.save(new Invoice(action.getId(), action.getOrganisation().getId(), kind, months, hours, amountCents, deduction,
                repaid, totals(action, deduction.netCents() - repaid), explanation, notes, now));
        deduction.deducted().forEach(d -> pending.stream().filter(p -> p.getId() == d.id()).forEach(p -> p.deductedIn(invoice.getId())));
        return invoice;
    }

    /** The titular records a subcontractor's invoice; its next invoice deducts it. */
    public SubcontractorInvoice recordSubcontractorInvoice(TrainingAction action, String subcontractorSiret, String reference,
                                                           long amountCents, String userId, LocalDateTime now) {
        fr.formaflow.platform.FieldLimits.check().max("Référence de la facture", reference, fr.formaflow.platform.FieldLimits.REFERENCE)
                .orRefuse("La facture du sous-traitant ne peut pas être enregistrée :");
        Organisation subcontractor = organisations.findBySiret(subcontractorSiret == null ? "" : subcontractorSiret.replaceAll("\\s", ""))
                .orElseThrow(() -> new BusinessRuleException("Aucun organisme n'a le SIRET « " + subcontractorSiret
                        + " » : le sous-traitant doit avoir un compte Formaflow."));
        if (subcontractor.getId().equals(action.getOrganisation().getId())) {
            throw new BusinessRuleException("Le titulaire ne peut pas être son propre sous-traitant.");
        }
        return subcontractors.save(new SubcontractorInvoice(action.getId(), subcontractor.getId(), reference, amountCents, userId, now));
    }

    public List<SubcontractorInvoice> subcontractorInvoices(long actionId) {
        return subcontractors.findByActionIdOrderByRecordedAtAscIdAsc(actionId);
    }

    /** What the action's invoices that count (issued, accepted or paid; not rejected, not credit notes) are worth. */
    public long invoicedAmountCents(long actionId) {
        return alreadyInvoiced(of(actionId));
    }

    private static long alreadyInvoiced(List<Invoice> existing) {
        return existing.stream().filter(Invoice::counts).mapToLong(Invoice::getHoursAmountCents).sum();
    }

    private static BigDecimal planned(BigDecimal individual, BigDecimal action) {
        return individual != null ? individual : action == null ? BigDecimal.ZERO : action;
    }

    /** The organisation confirms: the invoice takes the next number of its series, without gaps. */
    public Invoice confirm(TrainingAction action, long invoiceId, boolean confirmed, LocalDateTime now) {
        if (!confirmed) {
            throw new BusinessRuleException("Cochez la confirmation de la facture pour la transmettre au financeur.");
        }
        Invoice invoice = owned(action, invoiceId);
        invoice.requireConfirmable();
        if (invoice.isNil()) {
            invoice.confirmNil(now);
        } else {
            invoice.confirm(nextNumber(action, now), now, InvoiceDocuments.references(action));
        }
        return announced(action, invoice);
    }

    /** One continuous series per issuing organisation and year, invoices and credit notes alike. */
    private String nextNumber(TrainingAction action, LocalDateTime now) {
        long next = sequences.next("invoice:" + action.getOrganisation().getId() + ":" + now.getYear());
        return String.format("F%d-%05d", now.getYear(), next);
    }

    public Invoice decide(TrainingAction action, long invoiceId, boolean approved, String reason, String userId, LocalDateTime now) {
        Invoice invoice = owned(action, invoiceId);
        if (approved) {
            invoice.accept(userId, now);
            // the balance accepted: what it could not take back of the advance is claimed by a recovery order
            recoveries.issueIfDue(action, invoice, now);
        } else {
            invoice.reject(reason, userId, now);
            // a numbered invoice is never edited nor deleted: a credit note cancels it, and its subcontractors'
            // invoices wait for the corrected one (a nil balance, never numbered, needs none)
            if (!invoice.isNil()) {
                invoices.save(Invoice.creditNoteOf(invoice, nextNumber(action, now), now));
            }
            subcontractors.findByActionIdOrderByRecordedAtAscIdAsc(action.getId()).stream()
                    .filter(s -> invoice.getId().equals(s.getDeductedInInvoiceId())).forEach(s -> s.deductedIn(null));
        }
        return announced(action, invoice);
    }

    public Invoice recordPayment(TrainingAction action, long invoiceId, LocalDate paidOn, String reference) {
        PaymentDates.requireReceived(paidOn, clock.today());
        Invoice invoice = owned(action, invoiceId);
        invoice.pay(paidOn, reference);
        return announced(action, invoice);
    }

    /** Other systems hear of every status an invoice takes (see Events). */
    private Invoice announced(TrainingAction action, Invoice invoice) {
        Map<String, Object> data = new HashMap<>();
        data.put("invoiceId", invoice.getId());
        data.put("number", invoice.getNumber());
        data.put("kind", invoice.getKind().name());
        data.put("status", invoice.getStatus().name());
        data.put("netCents", invoice.getNetCents());
        data.put("grossCents", invoice.getGrossCents());
        data.put("paymentReference", invoice.getPaymentReference());
        events.publish(action, "invoice.status_changed", data);
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
        BigDecimal rate = action.getOrganisation().vatRate();
        return InvoiceCalculator.totals(InvoiceCalculator.fromCents(netCents), rate);
    }
}
