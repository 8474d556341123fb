package fr.formaflow.reports;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.SubcontractorInvoiceRepository;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's BPF for a calendar year (the accounting year), from its dossiers: invoices issued in the year
 * (HT, rejected invoices and their credit notes left out), subcontracting, trainers of the actions that started in
 * the year, and the trainees present in the year with their confirmed completed hours of the year's months.
 */
@Service
@Transactional(readOnly = true)
public class Bpfs {

    private final TrainingActionRepository actions;
    private final InvoiceService invoices;
    private final SubcontractorInvoiceRepository subcontractorInvoices;
    private final TraineeService trainees;
    private final TrainerRepository trainers;
    private final AttendanceService attendance;

    public Bpfs(TrainingActionRepository actions, InvoiceService invoices, SubcontractorInvoiceRepository subcontractorInvoices,
                TraineeService trainees, TrainerRepository trainers, AttendanceService attendance) {
        this.actions = actions;
        this.invoices = invoices;
        this.subcontractorInvoices = subcontractorInvoices;
        this.trainees = trainees;
        this.trainers = trainers;
        this.attendance = attendance;
    }

    public Bpf of(Organisation organisation, int year) {
        Bpf bpf = new Bpf();
        LocalDate first = LocalDate.of(year, 1, 1), last = LocalDate.of(year, 12, 31);
        List<YearMonth> months = IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m)).toList();
        for (TrainingAction action : actions.findVisibleTo(List.of(organisation.getGroupId()))) {
            FundingScheme scheme = action.getFunder().getScheme();
            for (Invoice invoice : invoices.of(action.getId())) {
                if (invoice.counts() && invoice.getConfirmedAt() != null && invoice.getConfirmedAt().getYear() == year) {
                    bpf.invoiced(scheme, invoice.getNetCents());
                }
            }
            subcontractorInvoices.findByActionIdOrderByRecordedAtAscIdAsc(action.getId()).stream()
                    .filter(s -> s.getRecordedAt().getYear() == year).forEach(s -> bpf.subcontractedFrom(s.getAmountCents()));
            LocalDate start = action.getRealStart() != null ? action.getRealStart() : action.getPlannedStart();
            if (start != null && start.getYear() == year) {
                for (TrainerAssignment assignment : action.getTrainers()) {
                    Trainer trainer = trainers.findById(assignment.trainerId()).orElseThrow();
                    bpf.trainer(trainer.getId(), !Trainer.Status.VACATAIRE.name().equals(trainer.getStatus()),
                            assignment.hours() == null ? java.math.BigDecimal.ZERO : assignment.hours());
                }
            }
            Map<Long, HourLine> hours = attendance.hourLines(action.getId(), months).stream()
                    .collect(Collectors.toMap(HourLine::traineeId, l -> l, HourLine::plus));
            for (Trainee t : trainees.of(action.getId())) {
                boolean present = t.getEntryDate() != null && !t.getEntryDate().isAfter(last)
                        && (t.getExitDate() == null || !t.getExitDate().isBefore(first));
                if (present) {
                    HourLine h = hours.getOrDefault(t.getId(), HourLine.zero(t.getId()));
                    bpf.trainee(typeOf(t, scheme), scheme, h.centreCompleted().add(h.companyCompleted()));
                }
            }
        }
        subcontractorInvoices.findBySubcontractorId(organisation.getId()).stream()
                .filter(s -> s.getRecordedAt().getYear() == year).forEach(s -> bpf.subcontractedTo(s.getAmountCents()));
        return bpf;
    }

    /** A job seeker by their unemployment; otherwise an employee when a company or its OPCO pays, else "other". */
    static Bpf.TraineeType typeOf(Trainee t, FundingScheme scheme) {
        if (t.getUnemploymentDuration() != null && !"NONE".equals(t.getUnemploymentDuration())) {
            return Bpf.TraineeType.JOBSEEKER;
        }
        return scheme == FundingScheme.OPCO || scheme == FundingScheme.PORTAGE ? Bpf.TraineeType.EMPLOYEE : Bpf.TraineeType.OTHER;
    }
}
