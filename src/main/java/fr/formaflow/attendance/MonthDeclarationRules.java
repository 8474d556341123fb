package fr.formaflow.attendance;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.ExitRules;
import fr.formaflow.trainee.Trainee;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a month's declaration, plain Java, checked before anything of the month is written: the hours of each
 * trainee (whether typed, imported or derived from the attendance sheets), the absences, the attendance sheet's
 * half-days, and the confirmation. Each method returns every broken rule as a French sentence. The hours of one line
 * are checked by {@link HourLine} itself, the cap on planned hours by {@link PlannedHours}; what the attendance sheets
 * and the invoices must agree with is the consistency check's.
 */
public final class MonthDeclarationRules {

    private MonthDeclarationRules() {
    }

    /** Formiris: no attendance before the purchase order issued by the funder is signed and returned. */
    public static List<String> attendanceAllowed(TrainingAction action) {
        if (action.getPurchaseOrderNumber() != null && !action.isPurchaseOrderSigned()) {
            return List.of("Aucune présence ne peut être enregistrée avant que le bon de commande " + action.getPurchaseOrderNumber()
                    + " soit signé et retourné au financeur.");
        }
        return List.of();
    }

    /** Confirming a month unlocks the next one: the previous month (null when there is none) is confirmed, and the box is ticked. */
    public static List<String> confirmation(MonthlyDeclaration previous, boolean confirmed) {
        List<String> problems = new ArrayList<>();
        if (previous != null && !previous.isConfirmed()) {
            problems.add("Confirmez d'abord la déclaration de " + French.month(previous.yearMonth())
                    + " : la confirmation d'un mois débloque le suivant.");
        }
        if (!confirmed) {
            problems.add("Cochez la confirmation de la déclaration du mois pour la transmettre.");
        }
        return problems;
    }

    /**
     * The rules every month's hours obey: the month is not confirmed yet, attendance is allowed, each trainee belongs to
     * the action ({@code trainees}, by id), appears once and is in training that month, its exit is complete
     * ({@link ExitRules}), and the hours cumulated with those of the other months ({@code otherMonths}, by trainee) stay
     * within the trainee's planned hours.
     */
    public static List<String> hours(TrainingAction action, MonthlyDeclaration declaration, Map<Long, Trainee> trainees,
                                     Map<Long, HourLine> otherMonths, List<TraineeMonth> rows) {
        YearMonth month = declaration.yearMonth();
        List<String> problems = new ArrayList<>();
        if (declaration.isConfirmed()) {
            problems.add("La déclaration de " + French.month(month) + " est confirmée : elle ne peut plus être modifiée, sauf si "
                    + "le financeur la rouvre en rejetant sa facture.");
        }
        problems.addAll(attendanceAllowed(action));
        Set<Long> seen = new HashSet<>();
        for (TraineeMonth row : rows) {
            long traineeId = row.hours().traineeId();
            Trainee trainee = trainees.get(traineeId);
            if (trainee == null) {
                problems.add("Le stagiaire n° " + traineeId + " n'appartient pas à ce dossier.");
                continue;
            }
            if (!seen.add(traineeId)) {
                problems.add(trainee.fullName() + " figure deux fois dans la déclaration.");
            }
            problems.addAll(inTraining(trainee, month, row));
            problems.addAll(ExitRules.problems(trainee, row.exitDate(), row.exitType(), row.earlyExitReason()));
            HourLine cumulated = otherMonths.getOrDefault(traineeId, HourLine.zero(traineeId)).plus(row.hours());
            problems.addAll(PlannedHours.of(trainee, action).exceededBy(trainee.fullName(), cumulated));
        }
        return problems;
    }

    /** Hours only while in training; an exit declared with the month is not later than the month. */
    private static List<String> inTraining(Trainee trainee, YearMonth month, TraineeMonth row) {
        List<String> problems = new ArrayList<>();
        boolean hasHours = row.hours().totalHours().signum() > 0;
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
        return problems;
    }

    /** Each absence is about a trainee of the action, is complete, and lies within the month. */
    public static List<String> absences(YearMonth month, Map<Long, Trainee> trainees, List<AbsenceEntry> absences) {
        List<String> problems = new ArrayList<>();
        for (AbsenceEntry absence : absences) {
            Trainee trainee = trainees.get(absence.traineeId());
            if (trainee == null) {
                problems.add("Absence : le stagiaire n° " + absence.traineeId() + " n'appartient pas à ce dossier.");
            } else if (absence.start() == null || absence.end() == null || absence.reason() == null || absence.place() == null
                    || absence.hours() == null) {
                problems.add("Absence de " + trainee.fullName() + " : début, fin, motif, lieu et nombre d'heures sont obligatoires.");
            } else if (absence.end().isBefore(absence.start()) || !YearMonth.from(absence.start()).equals(month)
                    || !YearMonth.from(absence.end()).equals(month)) {
                problems.add("Absence de " + trainee.fullName() + " : la période doit se situer dans le mois de " + French.month(month) + ".");
            }
        }
        return problems;
    }

    /**
     * The attendance sheet of a month: attendance is allowed, and each line is about a trainee of the action, complete,
     * in the month, on a scheduled half-day while the trainee is in training, between 0 and the half-day's maximum
     * hours, with a trainer of the action, and entered once.
     */
    public static List<String> halfDays(TrainingAction action, YearMonth month, Schedule schedule, Map<Long, Trainee> trainees,
                                        List<HalfDayEntry> entries) {
        List<String> problems = new ArrayList<>(attendanceAllowed(action));
        Set<Long> trainers = new HashSet<>();
        action.getTrainers().forEach(t -> trainers.add(t.trainerId()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            HalfDayEntry e = entries.get(i);
            String line = "Ligne " + (i + 1) + " : ";
            Trainee trainee = trainees.get(e.traineeId());
            if (trainee == null) {
                problems.add(line + "le stagiaire n° " + e.traineeId() + " n'appartient pas à ce dossier.");
                continue;
            }
            String who = line + trainee.fullName() + " : ";
            if (e.day() == null || e.half() == null || e.status() == null || e.hours() == null) {
                problems.add(who + "la date, la demi-journée, la présence et le nombre d'heures sont obligatoires.");
                continue;
            }
            if (!YearMonth.from(e.day()).equals(month)) {
                problems.add(who + "le " + French.date(e.day()) + " n'est pas en " + French.month(month) + ".");
                continue;
            }
            String notScheduled = schedule.whyNotScheduled(e.day());
            if (notScheduled != null) {
                problems.add(who + notScheduled + ".");
            }
            if (e.day().isBefore(trainee.getEntryDate()) || (trainee.getExitDate() != null && e.day().isAfter(trainee.getExitDate()))) {
                problems.add(who + "le " + French.date(e.day()) + " est en dehors de ses dates de formation.");
            }
            if (e.hours().signum() < 0 || e.hours().compareTo(Schedule.MAX_HALF_DAY_HOURS) > 0) {
                problems.add(who + "une demi-journée compte entre 0 et " + French.hours(Schedule.MAX_HALF_DAY_HOURS) + ".");
            }
            if (e.trainerId() != null && !trainers.contains(e.trainerId())) {
                problems.add(who + "le formateur n° " + e.trainerId() + " n'intervient pas dans cette action.");
            }
            if (!seen.add(e.traineeId() + "|" + e.day() + "|" + e.half())) {
                problems.add(who + "la demi-journée du " + French.date(e.day()) + " est saisie deux fois.");
            }
        }
        return problems;
    }
}
