package fr.formaflow.attendance;

import fr.formaflow.dossier.ExecutionCalendar;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monthly declarations: hours per trainee, absences and exits, confirmed within the funder's window. */
@Service
@Transactional
public class AttendanceService {

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
     * Refuses the month's confirmation while a rule of {@link MonthDeclarationRules} is broken: the previous month must
     * be confirmed first (confirming a month unlocks the next one); every trainee row and absence must belong to the
     * action and to the month. Returns the month's declaration.
     */
    private MonthlyDeclaration declarable(TrainingAction action, YearMonth month, List<TraineeMonth> rows, List<AbsenceEntry> absenceEntries,
                                          boolean confirmed) {
        MonthlyDeclaration declaration = declaration(action.getId(), month);
        Map<Long, Trainee> ofAction = traineesOf(action);
        List<String> problems = new ArrayList<>(MonthDeclarationRules.confirmation(
                declarations.findByActionIdAndMonth(action.getId(), month.minusMonths(1).toString()).orElse(null), confirmed));
        problems.addAll(hourProblems(action, declaration, ofAction, rows));
        problems.addAll(MonthDeclarationRules.absences(month, ofAction, absenceEntries));
        BusinessRuleException.throwIfAny("La déclaration de " + French.month(month) + " ne peut pas être confirmée :", problems);
        return declaration;
    }

    /**
     * Records and confirms the month once its rules ({@link #declarable}) and then the caller's {@code furtherRules}
     * (which read the month as it stands, before any write) pass: nothing is written while one is broken.
     */
    public MonthlyDeclaration declare(TrainingAction action, YearMonth month, List<TraineeMonth> rows, List<AbsenceEntry> absenceEntries,
                                      boolean absencesAttested, boolean confirmed, String userId, LocalDateTime now, Runnable furtherRules) {
        MonthlyDeclaration declaration = declarable(action, month, rows, absenceEntries, confirmed);
        furtherRules.run();
        saveRows(action, declaration, rows);
        absences.deleteByDeclarationId(declaration.getId());
        for (AbsenceEntry a : absenceEntries) {
            absences.save(new Absence(declaration.getId(), a.traineeId(), a.start(), a.end(), a.reason(), a.place(), a.hours()));
        }
        declaration.attestAbsences(absencesAttested);
        declaration.confirm(userId, now);
        return declaration;
    }

    /** Records the month's hours without confirming them (CSV import, attendance by half-day), once their rules are checked. */
    public void saveDraft(TrainingAction action, YearMonth month, List<TraineeMonth> rows, String context) {
        saveRows(action, requireDraftable(action, month, rows, context), rows);
    }

    /**
     * Refuses these hours of the month, writing nothing, while a rule of {@link MonthDeclarationRules#hours} is broken;
     * returns the month's declaration they were checked against.
     */
    MonthlyDeclaration requireDraftable(TrainingAction action, YearMonth month, List<TraineeMonth> rows, String context) {
        MonthlyDeclaration declaration = declaration(action.getId(), month);
        BusinessRuleException.throwIfAny(context, hourProblems(action, declaration, traineesOf(action), rows));
        return declaration;
    }

    /** Records hours {@link #requireDraftable} accepted, without checking them again. */
    void saveCheckedDraft(TrainingAction action, MonthlyDeclaration declaration, List<TraineeMonth> rows) {
        saveRows(action, declaration, rows);
    }

    private List<String> hourProblems(TrainingAction action, MonthlyDeclaration declaration, Map<Long, Trainee> ofAction,
                                      List<TraineeMonth> rows) {
        return MonthDeclarationRules.hours(action, declaration, ofAction, otherMonths(action.getId(), declaration.yearMonth()), rows);
    }

    /** The action's trainees, by id. */
    Map<Long, Trainee> traineesOf(TrainingAction action) {
        Map<Long, Trainee> byId = new HashMap<>();
        trainees.of(action.getId()).forEach(t -> byId.put(t.getId(), t));
        return byId;
    }

    private void saveRows(TrainingAction action, MonthlyDeclaration declaration, List<TraineeMonth> rows) {
        List<MonthlyHours> existing = hours.findByDeclarationId(declaration.getId());
        for (TraineeMonth row : rows) {
            existing.stream().filter(h -> h.getTraineeId().equals(row.hours().traineeId())).findFirst()
                    .ifPresentOrElse(h -> h.update(row.hours()), () -> hours.save(new MonthlyHours(declaration.getId(), row.hours())));
            trainees.recordExit(action, trainees.require(action, row.hours().traineeId()), row.exitDate(), row.exitType(), row.earlyExitReason());
        }
    }

    /** Each trainee's hours (completed, justified and unjustified) declared for months other than this one, added up. */
    private Map<Long, HourLine> otherMonths(long actionId, YearMonth month) {
        List<Long> others = declarations.findByActionIdOrderByMonth(actionId).stream()
                .filter(d -> !d.yearMonth().equals(month)).map(MonthlyDeclaration::getId).toList();
        Map<Long, HourLine> totals = new HashMap<>();
        for (MonthlyHours h : hours.findByDeclarationIdIn(others)) {
            totals.merge(h.getTraineeId(), h.line(), HourLine::plus);
        }
        return totals;
    }

    /** Realised hours (completed and missed-justified, confirmed months) as a percentage of the planned hours. */
    public BigDecimal realisationRate(TrainingAction action) {
        // no headcount before the dossier is submitted: nothing planned yet (OpenApiFuzzTest found the 500)
        int trainees = action.getTotalTrainees() == null ? 0 : action.getTotalTrainees();
        BigDecimal planned = action.plannedHours().multiply(BigDecimal.valueOf(trainees));
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
                .collect(Collectors.groupingBy(MonthlyHours::getDeclarationId,
                        Collectors.mapping(MonthlyHours::line, Collectors.toList())));
    }

    public List<MonthlyDeclaration> declarations(long actionId) {
        return declarations.findByActionIdOrderByMonth(actionId);
    }

    public List<Absence> absences(long actionId, YearMonth month) {
        return absences.findByDeclarationId(declaration(actionId, month).getId());
    }

    /** The absences recorded in these declarations, by declaration id, in one query. */
    public Map<Long, List<Absence>> absencesByDeclaration(Collection<MonthlyDeclaration> of) {
        return of.isEmpty() ? Map.of() : absences.findByDeclarationIdIn(of.stream().map(MonthlyDeclaration::getId).toList()).stream()
                .collect(Collectors.groupingBy(Absence::getDeclarationId));
    }
}
