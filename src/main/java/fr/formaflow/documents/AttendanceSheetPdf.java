package fr.formaflow.documents;

import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feuilles d'émargement: one page per week of the month, a box per trainee per scheduled half-day and a row for the
 * trainer's signature. Blank, to be signed; or filled from the attendance recorded by half-day.
 */
public final class AttendanceSheetPdf {

    private AttendanceSheetPdf() {
    }

    public static byte[] render(TrainingAction a, YearMonth month, List<Schedule.HalfDay> schedule, List<Trainee> trainees,
                                List<HalfDayAttendance> recorded) {
        return render(a, month, schedule, trainees, recorded, SignatureMarks.NONE);
    }

    /** The same, with the half-days signed electronically marked « signé le … à … » (trainee and trainer). */
    static byte[] render(TrainingAction a, YearMonth month, List<Schedule.HalfDay> schedule, List<Trainee> trainees,
                         List<HalfDayAttendance> recorded, SignatureMarks signed) {
        boolean filled = !recorded.isEmpty();
        Map<String, HalfDayAttendance> byKey = recorded.stream().collect(Collectors.toMap(
                h -> h.getTraineeId() + "|" + h.getDay() + "|" + h.getHalf(), Function.identity(), (x, y) -> x));
        String title = "Feuille d'émargement — " + French.month(month) + (filled ? " (renseignée)" : "");
        PdfDocument pdf = Letterhead.start(a, title + " — contrat n° " + a.getContractNumber(), "Feuille d'émargement");
        List<LocalDate> mondays = schedule.stream().map(h -> h.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .distinct().sorted().toList();
        boolean first = true;
        for (LocalDate monday : mondays) {
            List<Schedule.HalfDay> week = schedule.stream().filter(h -> !h.day().isBefore(monday) && h.day().isBefore(monday.plusDays(7))).toList();
            if (!first) {
                pdf.pageBreak();
            }
            first = false;
            pdf.title(title)
                    .paragraph(Letterhead.action(a))
                    .paragraph("Semaine du " + French.date(monday) + ". Chaque stagiaire signe chaque demi-journée ; le formateur signe la "
                            + "dernière ligne. Une absence est notée dans la case.");
            List<PdfDocument.Column> columns = new ArrayList<>(List.of(new PdfDocument.Column("Stagiaire", 3, false)));
            week.forEach(h -> columns.add(new PdfDocument.Column(h.day().getDayOfMonth() + "/" + h.day().getMonthValue() + " "
                    + (h.half() == Schedule.Half.AM ? "matin" : "après-midi"), 1.3f, false)));
            List<List<String>> rows = new ArrayList<>();
            for (Trainee t : trainees) {
                List<String> row = new ArrayList<>(List.of(t.getLastName() + " " + t.getFirstName()));
                week.forEach(h -> row.add(withSignature(cell(t, h, byKey), signed.trainee(t.getId(), h.day(), h.half()))));
                rows.add(row);
            }
            List<String> trainer = new ArrayList<>(List.of("Formateur (nom et signature)"));
            week.forEach(h -> trainer.add(withSignature(" \n \n ", signed.trainer(h.day(), h.half()))));
            rows.add(trainer);
            pdf.table(columns, rows);
        }
        if (mondays.isEmpty()) {
            pdf.title(title).paragraph("Aucune demi-journée n'est prévue ce mois-ci.");
        }
        return pdf.toBytes();
    }

    /** A box signed electronically shows the signature under what it records. */
    private static String withSignature(String box, String signature) {
        return signature == null ? box : box.isBlank() ? signature : box + "\n" + signature;
    }

    private static String cell(Trainee t, Schedule.HalfDay h, Map<String, HalfDayAttendance> recorded) {
        if (h.day().isBefore(t.getEntryDate()) || (t.getExitDate() != null && h.day().isAfter(t.getExitDate()))) {
            return "—";
        }
        HalfDayAttendance a = recorded.get(t.getId() + "|" + h.day() + "|" + h.half());
        if (a == null) {
            return " \n \n ";
        }
        return switch (a.getStatus()) {
            case PRESENT -> "Présent " + French.hours(a.getHours());
            case ABSENT_JUSTIFIED -> "Absent (justifié)";
            case ABSENT_UNJUSTIFIED -> "Absent";
        };
    }
}
