package fr.formaflow.attendance;

import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.trainer.TrainerRepository;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance by half-day (émargement): each trainee present, absent-justified or absent-unjustified on each
 * scheduled half-day, with the trainer. The month's hours are derived from it, per place and kind.
 */
@Service
@Transactional
public class AttendanceSheets {

    private final HalfDayAttendanceRepository attendance;
    private final AttendanceService declarations;
    private final TrainerRepository trainers;
    private final TrainingActionRepository dossiers;

    public AttendanceSheets(HalfDayAttendanceRepository attendance, AttendanceService declarations, TrainerRepository trainers,
                            TrainingActionRepository dossiers) {
        this.trainers = trainers;
        this.dossiers = dossiers;
        this.attendance = attendance;
        this.declarations = declarations;
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
     * Replaces the month's attendance with these entries, then derives each trainee's hours for the month. The entries
     * ({@link MonthDeclarationRules#halfDays}) and the hours derived from them ({@link MonthDeclarationRules#hours}) are
     * checked first: nothing is written if any is wrong.
     */
    public List<HalfDayAttendance> record(TrainingAction action, YearMonth month, List<HalfDayEntry> entries, boolean holidaysAllowed) {
        Schedule schedule = schedule(action, holidaysAllowed);
        Map<Long, Trainee> ofAction = declarations.traineesOf(action);
        BusinessRuleException.throwIfAny("L'émargement de " + French.month(month) + " ne peut pas être enregistré :",
                MonthDeclarationRules.halfDays(action, month, schedule, ofAction, entries));
        BusinessRuleException.throwIfAny("L'émargement de " + French.month(month) + " ne peut pas être enregistré :",
                trainersElsewhere(action, month, entries));
        List<HalfDayAttendance> rows = entries.stream().map(e -> new HalfDayAttendance(action.getId(), e.traineeId(), e.day(), e.half(),
                schedule.placeOn(e.day()).orElse(Place.CENTRE), e.status(), e.hours(), e.trainerId())).toList();
        // exits are declared with the month; the half-days keep each trainee's exit as it is
        List<TraineeMonth> rowsWithExits = derive(rows).stream().map(r -> {
            Trainee t = ofAction.get(r.hours().traineeId());
            return new TraineeMonth(r.hours(), t.getExitDate(), t.getExitType(), t.getEarlyExitReason());
        }).toList();
        String refusal = "Les heures tirées de l'émargement ne peuvent pas être enregistrées :";
        MonthlyDeclaration declaration = declarations.requireDraftable(action, month, rowsWithExits, refusal);
        attendance.deleteMonth(action.getId(), month.atDay(1), month.atEndOfMonth());
        attendance.flush();
        List<HalfDayAttendance> saved = attendance.saveAll(rows);
        declarations.saveCheckedDraft(action, declaration, rowsWithExits);
        return saved;
    }

    /**
     * The trainers' half-days of the month against their half-days in other actions ({@link TrainerDays}): the
     * organisation's other actions, and other organisations' actions where the same person (same e-mail address)
     * teaches too. Another organisation's action is not named.
     */
    private List<String> trainersElsewhere(TrainingAction action, YearMonth month, List<HalfDayEntry> entries) {
        List<TrainerDays.Slot> here = entries.stream().filter(e -> e.trainerId() != null && e.hours() != null)
                .map(e -> new TrainerDays.Slot(e.trainerId(), action.getId(), e.day(), e.half(), e.hours())).toList();
        if (here.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        Map<Long, Long> samePerson = new java.util.HashMap<>();
        for (fr.formaflow.trainer.Trainer trainer : trainers.findAllById(here.stream().map(TrainerDays.Slot::trainerId).distinct().toList())) {
            names.put(trainer.getId(), trainer.fullName());
            samePerson.put(trainer.getId(), trainer.getId());
            if (trainer.getEmail() != null && !trainer.getEmail().isBlank()) {
                trainers.findByEmailIgnoreCaseAndOrganisationIdNot(trainer.getEmail().strip(), trainer.getOrganisationId())
                        .forEach(other -> samePerson.put(other.getId(), trainer.getId()));
            }
        }
        List<TrainerDays.Slot> elsewhere = attendance.findByTrainerIdInAndDayBetweenAndActionIdNot(samePerson.keySet(), month.atDay(1),
                        month.atEndOfMonth(), action.getId()).stream()
                .map(h -> new TrainerDays.Slot(samePerson.get(h.getTrainerId()), h.getActionId(), h.getDay(), h.getHalf(), h.getHours())).toList();
        Map<Long, String> actions = new java.util.HashMap<>();
        return TrainerDays.problems(here, elsewhere, id -> names.getOrDefault(id, "Le formateur n° " + id),
                id -> actions.computeIfAbsent(id, key -> dossiers.findById(key)
                        .map(other -> other.getOrganisation().getId().equals(action.getOrganisation().getId())
                                ? "l'action " + other.getContractNumber() : "une action d'un autre organisme")
                        .orElse("une autre action")));
    }

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

    static List<TraineeMonth> derive(List<HalfDayAttendance> halfDays) {
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        for (HalfDayAttendance h : halfDays) {
            BigDecimal[] s = sums.computeIfAbsent(h.getTraineeId(), id -> zeros());
            int column = (h.getPlace() == Place.CENTRE ? 0 : 3) + h.getStatus().ordinal();
            s[column] = s[column].add(h.getHours());
        }
        return sums.entrySet().stream().map(e -> new TraineeMonth(new HourLine(e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5]),
                null, null, null)).toList();
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[6];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
