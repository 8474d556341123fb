package fr.formaflow.attendance;

import fr.formaflow.dossier.ExecutionCalendar;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.invoicing.HourLine;
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
import java.util.HashSet;
import java.util.List;
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

    /** Not confirmed in time: the month waits for the end of the next period. */
    public MonthlyDeclaration postpone(long actionId, YearMonth month, int confirmationDays) {
        MonthlyDeclaration declaration = declaration(actionId, month);
        declaration.postpone(ExecutionCalendar.postponedDeadline(month, confirmationDays));
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
        Set<Long> seen = new HashSet<>();
        for (TraineeMonth row : rows) {
            Trainee trainee = trainees.require(action, row.hours().traineeId());
            if (!seen.add(trainee.getId())) {
                problems.add(trainee.fullName() + " figure deux fois dans la déclaration.");
            }
            if (row.hours().totalHours().signum() > 0 && trainee.getEntryDate().isAfter(month.atEndOfMonth())) {
                problems.add(trainee.fullName() + " : des heures sont déclarées en " + French.month(month)
                        + " alors que l'entrée en formation est le " + French.date(trainee.getEntryDate()) + ".");
            }
            if (row.exitDate() != null && YearMonth.from(row.exitDate()).isAfter(month)) {
                problems.add(trainee.fullName() + " : la date de sortie (" + French.date(row.exitDate()) + ") est postérieure au mois déclaré.");
            }
        }
        for (AbsenceEntry absence : absenceEntries) {
            Trainee trainee = trainees.require(action, absence.traineeId());
            if (absence.start() == null || absence.end() == null || absence.reason() == null || absence.place() == null || absence.hours() == null) {
                problems.add("Absence de " + trainee.fullName() + " : début, fin, motif, lieu et nombre d'heures sont obligatoires.");
            } else if (absence.end().isBefore(absence.start()) || !YearMonth.from(absence.start()).equals(month)
                    || !YearMonth.from(absence.end()).equals(month)) {
                problems.add("Absence de " + trainee.fullName() + " : la période doit se situer dans le mois de " + French.month(month) + ".");
            }
        }
        BusinessRuleException.throwIfAny("La déclaration de " + French.month(month) + " ne peut pas être confirmée :", problems);

        List<MonthlyHours> existing = hours.findByDeclarationId(declaration.getId());
        for (TraineeMonth row : rows) {
            existing.stream().filter(h -> h.getTraineeId().equals(row.hours().traineeId())).findFirst()
                    .ifPresentOrElse(h -> h.update(row.hours()), () -> hours.save(new MonthlyHours(declaration.getId(), row.hours())));
            trainees.recordExit(action, trainees.require(action, row.hours().traineeId()), row.exitDate(), row.exitType(), row.earlyExitReason());
        }
        absences.deleteByDeclarationId(declaration.getId());
        for (AbsenceEntry a : absenceEntries) {
            absences.save(new Absence(declaration.getId(), a.traineeId(), a.start(), a.end(), a.reason(), a.place(), a.hours()));
        }
        declaration.confirm(userId, now);
        return declaration;
    }

    public void reopen(long actionId, YearMonth month) {
        declaration(actionId, month).reopen();
    }

    public List<HourLine> hourLines(long actionId, YearMonth month) {
        return hours.findByDeclarationId(declaration(actionId, month).getId()).stream().map(MonthlyHours::line).toList();
    }

    /** Every hour line of the given months (all confirmed months when months is null). */
    public List<HourLine> hourLines(long actionId, Collection<YearMonth> months) {
        List<Long> ids = declarations.findByActionIdOrderByMonth(actionId).stream()
                .filter(MonthlyDeclaration::isConfirmed)
                .filter(d -> months == null || months.contains(d.yearMonth()))
                .map(MonthlyDeclaration::getId).toList();
        return hours.findByDeclarationIdIn(ids).stream().map(MonthlyHours::line).toList();
    }

    public List<MonthlyDeclaration> declarations(long actionId) {
        return declarations.findByActionIdOrderByMonth(actionId);
    }

    public List<Absence> absences(long actionId, YearMonth month) {
        return absences.findByDeclarationId(declaration(actionId, month).getId());
    }
}
