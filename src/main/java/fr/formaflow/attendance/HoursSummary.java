package fr.formaflow.attendance;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The seed's "Tableau récapitulatif du réalisé horaire": per trainee and month, totals and the realisation rate. */
@Service
@Transactional(readOnly = true)
public class HoursSummary {

    public record Hours(BigDecimal centreCompleted, BigDecimal centreJustified, BigDecimal centreUnjustified,
                        BigDecimal companyCompleted, BigDecimal companyJustified, BigDecimal companyUnjustified) {

        static final Hours ZERO = new Hours(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        static Hours of(HourLine l) {
            return new Hours(l.centreCompleted(), l.centreJustified(), l.centreUnjustified(), l.companyCompleted(),
                    l.companyJustified(), l.companyUnjustified());
        }

        Hours plus(Hours o) {
            return new Hours(centreCompleted.add(o.centreCompleted), centreJustified.add(o.centreJustified),
                    centreUnjustified.add(o.centreUnjustified), companyCompleted.add(o.companyCompleted),
                    companyJustified.add(o.companyJustified), companyUnjustified.add(o.companyUnjustified));
        }

        public BigDecimal centre() {
            return centreCompleted.add(centreJustified).add(centreUnjustified);
        }

        public BigDecimal company() {
            return companyCompleted.add(companyJustified).add(companyUnjustified);
        }

        public BigDecimal total() {
            return centre().add(company());
        }
    }

    public record TraineeLine(long traineeId, String lastName, String firstName, LocalDate birthDate, LocalDate entryDate,
                              LocalDate exitDate, String exitType, String earlyExitReason, Map<String, Hours> months, Hours total) {
    }

    public record MonthLine(String month, String status, LocalDate deadline, Hours total) {
    }

    public record Summary(BigDecimal plannedHoursPerTrainee, BigDecimal realisationRate, List<MonthLine> months,
                          List<TraineeLine> trainees, Hours total) {
    }

    private final AttendanceService attendance;
    private final TraineeService trainees;

    public HoursSummary(AttendanceService attendance, TraineeService trainees) {
        this.attendance = attendance;
        this.trainees = trainees;
    }

    public Summary of(TrainingAction action) {
        Map<Long, Map<String, Hours>> byTrainee = new LinkedHashMap<>();
        List<MonthLine> months = attendance.declarations(action.getId()).stream().map(d -> {
            Hours monthTotal = Hours.ZERO;
            for (HourLine line : attendance.hourLines(action.getId(), d.yearMonth())) {
                byTrainee.computeIfAbsent(line.traineeId(), id -> new LinkedHashMap<>()).put(d.getMonth(), Hours.of(line));
                monthTotal = monthTotal.plus(Hours.of(line));
            }
            return new MonthLine(d.getMonth(), d.getStatus().name(), d.getDeadline(), monthTotal);
        }).toList();
        List<TraineeLine> lines = trainees.of(action.getId()).stream().map(t -> line(t, byTrainee.getOrDefault(t.getId(), Map.of()))).toList();
        Hours total = lines.stream().map(TraineeLine::total).reduce(Hours.ZERO, Hours::plus);
        return new Summary(action.plannedHours(), RealisationRate.shown(attendance.realisationRate(action)), months, lines, total);
    }

    private static TraineeLine line(Trainee t, Map<String, Hours> months) {
        Hours total = months.values().stream().reduce(Hours.ZERO, Hours::plus);
        return new TraineeLine(t.getId(), t.getLastName(), t.getFirstName(), t.getBirthDate(), t.getEntryDate(), t.getExitDate(),
                t.getExitType(), t.getEarlyExitReason(), months, total);
    }
}
