package fr.formaflow.reports;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.HalfDayAttendanceRepository;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.dossier.TrainingNature;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.SubcontractorInvoice;
import fr.formaflow.invoicing.SubcontractorInvoiceRepository;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's BPF for a calendar year (its accounting year), read from the records of every dossier it takes
 * part in: as titular (its own, portage included) and as another titular's subcontractor. The basis is the same for
 * every frame: products are the invoices confirmed in the year (HT; rejected invoices and their credit notes left
 * out) and the subcontractors' invoices recorded in the year; hours are those of the year's confirmed months; a
 * trainee with realised hours in the year counts, once as a person (same names and birth date across dossiers).
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
    private final HalfDayAttendanceRepository halfDays;

    public Bpfs(TrainingActionRepository actions, InvoiceService invoices, SubcontractorInvoiceRepository subcontractorInvoices,
                TraineeService trainees, TrainerRepository trainers, AttendanceService attendance, HalfDayAttendanceRepository halfDays) {
        this.halfDays = halfDays;
        this.actions = actions;
        this.invoices = invoices;
        this.subcontractorInvoices = subcontractorInvoices;
        this.trainees = trainees;
        this.trainers = trainers;
        this.attendance = attendance;
    }

    public Bpf of(Organisation organisation, int year) {
        Bpf bpf = new Bpf(year, new Bpf.Identity(organisation.getName(), organisation.getSiret(), organisation.getNda(),
                organisation.getLegalForm(), organisation.fullAddress(), organisation.getPhone(), organisation.getEmail(),
                organisation.isFpc(), organisation.isCfa(), organisation.isForProfit(), organisation.isVatLiable()));
        List<YearMonth> months = IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m)).toList();
        Map<Long, TrainingAction> involved = new LinkedHashMap<>();
        actions.findVisibleTo(List.of(organisation.getGroupId())).stream()
                .filter(a -> a.getOrganisation().getId().equals(organisation.getId())).forEach(a -> involved.put(a.getId(), a));
        actions.findBySubcontractor(organisation.getId()).forEach(a -> involved.putIfAbsent(a.getId(), a));
        // a person counts on the line of their first dossier: the dossiers in the order they started
        List<TrainingAction> ordered = new ArrayList<>(involved.values());
        ordered.sort(Comparator.comparing(Bpfs::start, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(TrainingAction::getId));
        for (TrainingAction action : ordered) {
            boolean titular = action.getOrganisation().getId().equals(organisation.getId());
            products(bpf, organisation, action, titular, year);
            Map<Long, HourLine> hours = attendance.hourLines(action.getId(), months).stream()
                    .collect(Collectors.toMap(HourLine::traineeId, l -> l, HourLine::plus));
            List<Trainee> enrolled = trainees.of(action.getId());
            trainersAndTrainees(bpf, organisation, action, titular, hours, enrolled, taught(action, year));
        }
        return bpf;
    }

    private void products(Bpf bpf, Organisation organisation, TrainingAction action, boolean titular, int year) {
        String funder = action.getFunder().getName();
        List<SubcontractorInvoice> theirs = subcontractorInvoices.findByActionIdOrderByRecordedAtAscIdAsc(action.getId()).stream()
                .filter(s -> s.getRecordedAt().getYear() == year).toList();
        if (!titular) {
            theirs.stream().filter(s -> organisation.getId().equals(s.getSubcontractorId()))
                    .forEach(s -> bpf.product(Bpf.Origin.TRAINING_ORGANISATIONS, funder, s.getAmountCents()));
            return;
        }
        Bpf.Origin origin = originOf(action);
        for (Invoice invoice : invoices.of(action.getId())) {
            if (invoice.counts() && invoice.getConfirmedAt() != null && invoice.getConfirmedAt().getYear() == year) {
                bpf.product(origin, funder, invoice.getNetCents());
            }
        }
        theirs.forEach(s -> bpf.subcontractorInvoice(s.getAmountCents()));
    }

    /** The centre half-days of the year's confirmed months that name their trainer, per trainer: their realised hours. */
    private Map<Long, BigDecimal> taught(TrainingAction action, int year) {
        java.util.Set<YearMonth> confirmed = attendance.declarations(action.getId()).stream().filter(MonthlyDeclaration::isConfirmed)
                .map(MonthlyDeclaration::yearMonth).filter(m -> m.getYear() == year).collect(Collectors.toSet());
        if (confirmed.isEmpty()) {
            return Map.of();
        }
        return Bpf.taughtHours(halfDays.findByActionIdAndDayBetweenOrderByDayAscHalfAsc(action.getId(), LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31)).stream()
                .filter(h -> h.getTrainerId() != null && h.getPlace() == Place.CENTRE && confirmed.contains(YearMonth.from(h.getDay())))
                .map(h -> new Bpf.Taught(h.getTrainerId(), h.getDay(), h.getHalf().name(), h.getHours())).toList());
    }

    private void trainersAndTrainees(Bpf bpf, Organisation organisation, TrainingAction action, boolean titular, Map<Long, HourLine> hours,
                                     List<Trainee> enrolled, Map<Long, BigDecimal> taught) {
        BigDecimal centreOfYear = hours.values().stream()
                .map(h -> h.centreCompleted().add(h.centreJustified()).add(h.centreUnjustified())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ours = BigDecimal.ZERO, subcontracted = BigDecimal.ZERO;
        java.util.Set<Long> counted = new java.util.HashSet<>();
        for (TrainerAssignment assignment : action.getTrainers()) {
            Trainer trainer = trainers.findById(assignment.trainerId()).orElseThrow();
            BigDecimal planned = assignment.hours() == null ? BigDecimal.ZERO : assignment.hours();
            boolean own = trainer.getOrganisationId() == null ? titular : trainer.getOrganisationId().equals(organisation.getId());
            if (own) {
                ours = ours.add(planned);
            } else {
                subcontracted = subcontracted.add(planned);
            }
            if (!own && !titular) {
                continue; // the titular's trainers teach for the titular, not for this subcontractor
            }
            // the half-days a trainer signed when the action records them, otherwise their share of the programme run in the year
            BigDecimal ofYear = taught.isEmpty() ? Bpf.trainerHours(planned, centreOfYear, action.getHoursCentre(), enrolled.size())
                    : counted.add(trainer.getId()) ? taught.getOrDefault(trainer.getId(), BigDecimal.ZERO) : BigDecimal.ZERO;
            if (ofYear.signum() > 0) {
                bpf.trainer(trainer.getId(), own && !Trainer.Status.VACATAIRE.name().equals(trainer.getStatus()), ofYear);
            }
        }
        boolean portage = titular && action.getFunder().getScheme() == FundingScheme.PORTAGE;
        for (Trainee t : enrolled) {
            HourLine h = hours.get(t.getId());
            BigDecimal realised = h == null ? BigDecimal.ZERO : h.centreCompleted().add(h.companyCompleted());
            if (realised.signum() <= 0) {
                continue;
            }
            String person = person(t);
            Bpf.TraineeType type = typeOf(t, action);
            Bpf.Objective objective = objectiveOf(action);
            String funder = action.getFunder().getName();
            if (titular && !portage) {
                bpf.training(new Bpf.Training(person, type, objective, action.getFormacode(), funder, realised,
                        Bpf.shareOf(h.centreCompleted(), subcontracted, action.getHoursCentre()), false));
            } else {
                // in portage the platform entrusts the whole training; a titular entrusts its subcontractor's share
                BigDecimal entrusted = portage ? realised : Bpf.shareOf(h.centreCompleted(), ours, action.getHoursCentre());
                if (entrusted.signum() > 0) {
                    bpf.training(new Bpf.Training(person, type, objective, action.getFormacode(), funder, entrusted, BigDecimal.ZERO, true));
                }
            }
        }
    }

    /** Cadre C's line of a titular's invoices: by its funder's kind (and, for an OPCO, apprenticeship or not). */
    static Bpf.Origin originOf(TrainingAction action) {
        return switch (action.getFunder().getScheme()) {
            case REGION_MARKET -> Bpf.Origin.REGIONS;
            case OPCO -> action.getNature() == TrainingNature.APPRENTISSAGE ? Bpf.Origin.OPCO_APPRENTICESHIP : Bpf.Origin.OPCO_SKILLS_PLAN;
            case FORMIRIS -> Bpf.Origin.OPCO_SKILLS_PLAN;
            // in portage the organisation invoices the platform, a training organisation it works for (seed 000)
            case PORTAGE -> Bpf.Origin.TRAINING_ORGANISATIONS;
        };
    }

    /** An apprentice in an apprenticeship action; a job seeker by their unemployment; an employee when a company or its OPCO pays. */
    static Bpf.TraineeType typeOf(Trainee t, TrainingAction action) {
        if (action.getNature() == TrainingNature.APPRENTISSAGE) {
            return Bpf.TraineeType.APPRENTICE;
        }
        if (t.getUnemploymentDuration() != null && !"NONE".equals(t.getUnemploymentDuration())) {
            return Bpf.TraineeType.JOBSEEKER;
        }
        FundingScheme scheme = action.getFunder().getScheme();
        return scheme == FundingScheme.OPCO || scheme == FundingScheme.PORTAGE ? Bpf.TraineeType.EMPLOYEE : Bpf.TraineeType.OTHER;
    }

    static Bpf.Objective objectiveOf(TrainingAction action) {
        if (action.getNature() == TrainingNature.BILAN_DE_COMPETENCES) {
            return Bpf.Objective.SKILLS_ASSESSMENT;
        }
        return action.getNature() == TrainingNature.VAE ? Bpf.Objective.VAE : Bpf.Objective.TRAINING;
    }

    /** The same person across dossiers: names (case and accents as typed, spaces trimmed) and birth date. */
    static String person(Trainee t) {
        if (t.getLastName() == null || t.getBirthDate() == null) {
            return "trainee:" + t.getId();
        }
        return t.getLastName().trim().toUpperCase(Locale.ROOT) + "|" + Objects.toString(t.getFirstName(), "").trim().toUpperCase(Locale.ROOT)
                + "|" + t.getBirthDate();
    }

    private static LocalDate start(TrainingAction a) {
        return a.getRealStart() != null ? a.getRealStart() : a.getPlannedStart();
    }
}
