package fr.formaflow.attendance;

import fr.formaflow.dossier.ExecutionCalendar;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monthly declarations: hours per trainee, absences and exits, confirmed within the funder's window. */
@Service
@Transactional
public class AttendanceService {

    /** One trainee's row of the month: hours, and an exit if there was one. */
    public record TraineeMonth(HourLine hours, LocalDate exitDate, String exitType, String earlyExitReason) {
    }

    public record AbsenceEntry(long traineeId, LocalDate start, LocalDate end, String reason, Place place, BigDecimal hours) {
    }

    private final DeclarationRepository declarations;
    private final MonthlyHoursRepository hours;
    private final AbsenceRepository absences;
    private final TraineeService trainees;

    public AttendanceService(DeclarationRepository declarations, MonthlyHoursRepository hours, AbsenceRepository absences,
                             TraineeService trainees) {
        this.declarations = declarations;
        this.hours = hours;
        this.absences = absences;
        this.trainees = trainees;
    }

    /** Opens the month's declaration; confirmation is due on the funder's day of the next month. */
    public MonthlyDeclaration open(long actionId, YearMonth month, int confirmationDays) {
        return declarations.findByActionIdAndMonth(actionId, month.toString())
                .orElseGet(() -> declarations.save(new MonthlyDeclaration(actionId, month,
                        ExecutionCalendar.confirmationDeadline(month, confirmationDays))));
    }

    /**
     * Not confirmed in time: the month waits for the end of the next period after the deadline just missed (or after
     * today, when that is later), and is due on the funder's day after it. One call per missed deadline.
     */
    public MonthlyDeclaration postpone(long actionId, YearMonth month, int confirmationDays, LocalDate today) {
        MonthlyDeclaration declaration = declaration(actionId, month);
        LocalDate missed = declaration.getDeadline();
        declaration.postpone(ExecutionCalendar.postponedDeadline(missed, today, confirmationDays),
                ExecutionCalendar.postponedWindowOpens(missed, declaration.getPostponements() + 1, today));
        return declaration;
    }

    public MonthlyDeclaration declaration(long actionId, YearMonth month) {
        return declarations.findByActionIdAndMonth(actionId, month.toString())
                .orElseThrow(() -> new BusinessRuleException("Aucune déclaration n'est ouverte pour " + French.month(month) + "."));
    }

    /**
     * Records and confirms the month. The previous month must be confirmed first (confirming a month unlocks
     * the next one); every trainee row and absence must belong to the action and to the month.
     */
    public MonthlyDeclaration declare(TrainingAction action, YearMonth month, List<TraineeMonth> rows, List<AbsenceEntry> absenceEntries,
                                      boolean confirmed, String userId, LocalDateTime now) {
        MonthlyDeclaration declaration = declaration(action.getId(), month);
        List<String> problems = new ArrayList<>();
        declarations.findByActionIdAndMonth(action.getId(), month.minusMonths(1).toString())
                .filter(previous -> !previous.isConfirmed())
                .ifPresent(previous -> problems.add("Confirmez d'abord la déclaration de " + French.month(previous.yearMonth())
                        + " : la confirmation d'un mois débloque le suivant."));
        if (!confirmed) {
            problems.add("Cochez la confirmation de la déclaration du mois pour la transmettre.");
        }
        problems.addAll(rowProblems(action, declaration, rows));
        for (AbsenceEntry absence : absenceEntries) {
            Optional<Trainee> trainee = trainees.find(action, absence.traineeId());
            String who = trainee.map(Trainee::fullName).orElse("du stagiaire n° " + absence.traineeId());
            if (trainee.isEmpty()) {
                problems.add("Absence : le stagiaire n° " + absence.traineeId() + " n'appartient pas à ce dossier.");
            } else if (absence.start() == null || absence.end() == null || absence.reason() == null || absence.place() == null
                    || absence.hours() == null) {
                problems.add("Absence de " + who + " : début, fin, motif, lieu et nombre d'heures sont obligatoires.");
            } else if (absence.end().isBefore(absence.start()) || !YearMonth.from(absence.start()).equals(month)
                    || !YearMonth.from(absence.end()).equals(month)) {
                problems.add("Absence de " + who + " : la période doit se situer dans le mois de " + French.month(month) + ".");
            }
        }
        BusinessRuleException.throwIfAny("La déclaration de " + French.month(month) + " ne peut pas être confirmée :", problems);
        saveRows(action, declaration, rows);
        absences.deleteByDeclarationId(declaration.getId());
        for (AbsenceEntry a : absenceEntries) {
            absences.save(new Absence(declaration.getId(), a.traineeId(), a.start(), a.end(), a.reason(), a.place(), a.hours()));
        }
        declaration.confirm(userId, now);
        return declaration;
    }

    /** Records the month's hours without confirming them (CSV import, attendance by half-day). */
    public void saveDraft(TrainingAction action, YearMonth month, List<TraineeMonth> rows, String context) {
        MonthlyDeclaration declaration = declaration(action.getId(), month);
        BusinessRuleException.throwIfAny(context, rowProblems(action, declaration, rows));
        saveRows(action, declaration, rows);
    }

    /**
     * The rules every month's hours obey, each broken one as a French sentence: the month is not confirmed yet,
     * attendance is allowed (purchase order signed where one was issued), the trainee belongs to the action and is
     * in training that month, and cumulated hours never exceed the trainee's planned hours.
     */
    List<String> rowProblems(TrainingAction action, MonthlyDeclaration declaration, List<TraineeMonth> rows) {
        YearMonth month = declaration.yearMonth();
        List<String> problems = new ArrayList<>();
        if (declaration.isConfirmed()) {
            problems.add("La déclaration de " + French.month(month) + " est confirmée : elle ne peut plus être modifiée, sauf si "
                    + "le financeur la rouvre en rejetant sa facture.");
        }
        problems.addAll(attendanceAllowed(action));
        Map<Long, HourTotals> before = totalsBefore(action.getId(), month);
        Set<Long> seen = new HashSet<>();
        for (TraineeMonth row : rows) {
            Optional<Trainee> found = trainees.find(action, row.hours().traineeId());
            if (found.isEmpty()) {
                problems.add("Le stagiaire n° " + row.hours().traineeId() + " n'appartient pas à ce dossier.");
                continue;
            }
            Trainee trainee = found.get();
            boolean hasHours = row.hours().totalHours().signum() > 0;
            if (!seen.add(trainee.getId())) {
                problems.add(trainee.fullName() + " figure deux fois dans la déclaration.");
            }
            if (hasHours && trainee.getEntryDate().isAfter(month.atEndOfMonth())) {
                problems.add(trainee.fullName() + " : des heures sont déclarées en " + French.month(month)
                        + " alors que l'entrée en formation est le " + French.date(trainee.getEntryDate()) + ".");
            }
            LocalDate exit = row.exitDate() != null ? row.exitDate() : trainee.getExitDate();
            if (hasHours && exit != null && exit.isBefore(month.atDay(1))) {
                problems.add(trainee.fullName() + " : des heures sont déclarées en " + French.month(month)
                        + " alors que la sortie de formation est le " + French.date(exit) + ".");
            }
            if (row.exitDate() != null && YearMonth.from(row.exitDate()).isAfter(month)) {
                problems.add(trainee.fullName() + " : la date de sortie (" + French.date(row.exitDate()) + ") est postérieure au mois déclaré.");
            }
            HourTotals total = before.getOrDefault(trainee.getId(), HourTotals.ZERO).plus(row.hours());
            BigDecimal plannedCentre = trainee.getPathHoursCentre() != null ? trainee.getPathHoursCentre() : action.getHoursCentre();
            BigDecimal plannedCompany = trainee.getPathHoursCompany() != null ? trainee.getPathHoursCompany() : action.getHoursCompany();
            if (plannedCentre != null && total.centre().compareTo(plannedCentre) > 0) {
                problems.add(trainee.fullName() + " : " + French.hours(total.centre()) + " cumulées en centre dépassent les "
                        + French.hours(plannedCentre) + " prévues.");
            }
            if (plannedCompany != null && total.company().compareTo(plannedCompany) > 0) {
                problems.add(trainee.fullName() + " : " + French.hours(total.company()) + " cumulées en entreprise dépassent les "
                        + French.hours(plannedCompany) + " prévues.");
            }
        }
        return problems;
    }

    /** Formiris: no attendance before the purchase order issued by the funder is signed and returned. */
    public List<String> attendanceAllowed(TrainingAction action) {
        if (action.getPurchaseOrderNumber() != null && !action.isPurchaseOrderSigned()) {
            return List.of("Aucune présence ne peut être enregistrée avant que le bon de commande " + action.getPurchaseOrderNumber()
                    + " soit signé et retourné au financeur.");
        }
        return List.of();
    }

    private void saveRows(TrainingAction action, MonthlyDeclaration declaration, List<TraineeMonth> rows) {
        List<MonthlyHours> existing = hours.findByDeclarationId(declaration.getId());
        for (TraineeMonth row : rows) {
            existing.stream().filter(h -> h.getTraineeId().equals(row.hours().traineeId())).findFirst()
                    .ifPresentOrElse(h -> h.update(row.hours()), () -> hours.save(new MonthlyHours(declaration.getId(), row.hours())));
            trainees.recordExit(action, trainees.require(action, row.hours().traineeId()), row.exitDate(), row.exitType(), row.earlyExitReason());
        }
    }

    /** All hours of each trainee (completed, justified and unjustified) declared for months other than this one. */
    private Map<Long, HourTotals> totalsBefore(long actionId, YearMonth month) {
        List<Long> others = declarations.findByActionIdOrderByMonth(actionId).stream()
                .filter(d -> !d.yearMonth().equals(month)).map(MonthlyDeclaration::getId).toList();
        Map<Long, HourTotals> totals = new HashMap<>();
        for (MonthlyHours h : hours.findByDeclarationIdIn(others)) {
            totals.merge(h.getTraineeId(), HourTotals.ZERO.plus(h.line()), HourTotals::add);
        }
        return totals;
    }

    /** Every hour (completed or missed) counted against the planned hours, per place. */
    record HourTotals(BigDecimal centre, BigDecimal company) {
        static final HourTotals ZERO = new HourTotals(BigDecimal.ZERO, BigDecimal.ZERO);

        HourTotals plus(HourLine line) {
            return new HourTotals(centre.add(line.centreCompleted()).add(line.centreJustified()).add(line.centreUnjustified()),
                    company.add(line.companyCompleted()).add(line.companyJustified()).add(line.companyUnjustified()));
        }

        HourTotals add(HourTotals other) {
            return new HourTotals(centre.add(other.centre), company.add(other.company));
        }
    }

    /** Realised hours (completed and missed-justified, confirmed months) as a percentage of the planned hours. */
    public BigDecimal realisationRate(TrainingAction action) {
        BigDecimal planned = action.plannedHours().multiply(BigDecimal.valueOf(action.getTotalTrainees()));
        BigDecimal realised = confirmedHourLines(action.getId()).stream()
                .map(l -> l.paidCentreHours().add(l.paidCompanyHours())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return RealisationRate.percent(realised, planned);
    }

    /** The trainees in training during the month: entered before its end, not exited before its start. */
    public List<Trainee> traineesIn(TrainingAction action, YearMonth month) {
        return trainees.of(action.getId()).stream()
                .filter(t -> !t.getEntryDate().isAfter(month.atEndOfMonth()))
                .filter(t -> t.getExitDate() == null || !t.getExitDate().isBefore(month.atDay(1)))
                .toList();
    }

    /** The funder rejected the month's invoice: open again, with a deadline still ahead if the one it had is over. */
    public MonthlyDeclaration reopen(long actionId, YearMonth month, int confirmationDays, LocalDate today) {
        MonthlyDeclaration declaration = declaration(actionId, month);
        declaration.reopen(declaration.getDeadline().isBefore(today)
                ? ExecutionCalendar.postponedDeadline(declaration.getDeadline(), today, confirmationDays) : null);
        return declaration;
    }

    public List<HourLine> hourLines(long actionId, YearMonth month) {
        return hours.findByDeclarationId(declaration(actionId, month).getId()).stream().map(MonthlyHours::line).toList();
    }

    /** Every hour line of the given confirmed months. */
    public List<HourLine> hourLines(long actionId, Collection<YearMonth> months) {
        return confirmedHourLines(actionId, months::contains);
    }

    /** Every hour line of every confirmed month of the action. */
    public List<HourLine> confirmedHourLines(long actionId) {
        return confirmedHourLines(actionId, month -> true);
    }

    private List<HourLine> confirmedHourLines(long actionId, java.util.function.Predicate<YearMonth> months) {
        List<Long> ids = declarations.findByActionIdOrderByMonth(actionId).stream()
                .filter(MonthlyDeclaration::isConfirmed)
                .filter(d -> months.test(d.yearMonth()))
                .map(MonthlyDeclaration::getId).toList();
        return hours.findByDeclarationIdIn(ids).stream().map(MonthlyHours::line).toList();
    }

    /** The declared hour lines of these declarations, per declaration id, in one query. */
    public Map<Long, List<HourLine>> hourLinesByDeclaration(Collection<MonthlyDeclaration> of) {
        return hours.findByDeclarationIdIn(of.stream().map(MonthlyDeclaration::getId).toList()).stream()
                .collect(java.util.stream.Collectors.groupingBy(MonthlyHours::getDeclarationId,
                        java.util.stream.Collectors.mapping(MonthlyHours::line, java.util.stream.Collectors.toList())));
    }

    public List<MonthlyDeclaration> declarations(long actionId) {
        return declarations.findByActionIdOrderByMonth(actionId);
    }

    public List<Absence> absences(long actionId, YearMonth month) {
        return absences.findByDeclarationId(declaration(actionId, month).getId());
    }
}
