package fr.formaflow.attendance;

import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance by half-day (émargement): each trainee present, absent-justified or absent-unjustified on each
 * scheduled half-day, with the trainer. The month's hours are derived from it, per place and kind.
 */
@Service
@Transactional
public class AttendanceSheets {

    public record Entry(long traineeId, LocalDate day, Schedule.Half half, HalfDayAttendance.Status status, BigDecimal hours,
                        Long trainerId) {
    }

    private final HalfDayAttendanceRepository attendance;
    private final AttendanceService declarations;
    private final TraineeService trainees;

    public AttendanceSheets(HalfDayAttendanceRepository attendance, AttendanceService declarations, TraineeService trainees) {
        this.attendance = attendance;
        this.declarations = declarations;
        this.trainees = trainees;
    }

    public Schedule schedule(TrainingAction action, boolean holidaysAllowed) {
        return new Schedule(action.getPeriods(), holidaysAllowed);
    }

    public List<HalfDayAttendance> of(TrainingAction action, YearMonth month) {
        return attendance.findByActionIdAndDayBetweenOrderByDayAscHalfAsc(action.getId(), month.atDay(1), month.atEndOfMonth());
    }

    /** The half-days of the months from first to last, per month, in one query. */
    public Map<YearMonth, List<HalfDayAttendance>> byMonth(TrainingAction action, YearMonth first, YearMonth last) {
        return attendance.findByActionIdAndDayBetweenOrderByDayAscHalfAsc(action.getId(), first.atDay(1), last.atEndOfMonth()).stream()
                .collect(java.util.stream.Collectors.groupingBy(h -> YearMonth.from(h.getDay())));
    }

    /**
     * Replaces the month's attendance with these entries, then derives each trainee's hours for the month. Every
     * entry must fall on a scheduled half-day of the month while the trainee is in training; nothing is written if
     * any entry is wrong.
     */
    public List<HalfDayAttendance> record(TrainingAction action, YearMonth month, List<Entry> entries, boolean holidaysAllowed) {
        Schedule schedule = schedule(action, holidaysAllowed);
        List<String> problems = new ArrayList<>(declarations.attendanceAllowed(action));
        Set<Long> trainers = new HashSet<>();
        action.getTrainers().forEach(t -> trainers.add(t.trainerId()));
        Set<String> seen = new HashSet<>();
        List<HalfDayAttendance> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String line = "Ligne " + (i + 1) + " : ";
            Optional<Trainee> trainee = trainees.find(action, e.traineeId());
            if (trainee.isEmpty()) {
                problems.add(line + "le stagiaire n° " + e.traineeId() + " n'appartient pas à ce dossier.");
                continue;
            }
            String who = line + trainee.get().fullName() + " : ";
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
            if (e.day().isBefore(trainee.get().getEntryDate())
                    || (trainee.get().getExitDate() != null && e.day().isAfter(trainee.get().getExitDate()))) {
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
            Place place = schedule.placeOn(e.day()).orElse(Place.CENTRE);
            rows.add(new HalfDayAttendance(action.getId(), e.traineeId(), e.day(), e.half(), place, e.status(), e.hours(), e.trainerId()));
        }
        BusinessRuleException.throwIfAny("L'émargement de " + French.month(month) + " ne peut pas être enregistré :", problems);
        attendance.deleteMonth(action.getId(), month.atDay(1), month.atEndOfMonth());
        attendance.flush();
        List<HalfDayAttendance> saved = attendance.saveAll(rows);
        // exits are declared with the month; the half-days keep each trainee's exit as it is
        List<AttendanceService.TraineeMonth> rowsWithExits = derive(saved).stream().map(r -> {
            Trainee t = trainees.require(action, r.hours().traineeId());
            return new AttendanceService.TraineeMonth(r.hours(), t.getExitDate(), t.getExitType(), t.getEarlyExitReason());
        }).toList();
        declarations.saveDraft(action, month, rowsWithExits, "Les heures tirées de l'émargement ne peuvent pas être enregistrées :");
        return saved;
    }

    /** Each trainee's hours of the month, from their half-days: present → completed, absent → missed (justified or not). */
    /** Each trainee's hours as the month's half-day attendance adds them up; empty when it was not recorded by half-day. */
    public Map<Long, HourLine> derivedHours(TrainingAction action, YearMonth month) {
        return hoursOf(of(action, month));
    }

    /** Each trainee's hours as these half-days add them up. */
    public static Map<Long, HourLine> hoursOf(List<HalfDayAttendance> halfDays) {
        Map<Long, HourLine> hours = new LinkedHashMap<>();
        derive(halfDays).forEach(row -> hours.put(row.hours().traineeId(), row.hours()));
        return hours;
    }

    static List<AttendanceService.TraineeMonth> derive(List<HalfDayAttendance> halfDays) {
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        for (HalfDayAttendance h : halfDays) {
            BigDecimal[] s = sums.computeIfAbsent(h.getTraineeId(), id -> zeros());
            int column = (h.getPlace() == Place.CENTRE ? 0 : 3) + h.getStatus().ordinal();
            s[column] = s[column].add(h.getHours());
        }
        return sums.entrySet().stream().map(e -> new AttendanceService.TraineeMonth(new HourLine(e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5]),
                null, null, null)).toList();
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[6];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
