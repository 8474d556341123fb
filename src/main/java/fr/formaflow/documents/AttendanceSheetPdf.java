package fr.formaflow.documents;

import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.dossier.Place;
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
 * Feuilles d'émargement: one page per week of the month, a column per scheduled half-day with its times and its module
 * (or the company period), a box per trainee, a row per trainer with their printed name for the centre half-days and a
 * tutor's row for the company half-days. Blank, to be signed; or filled from the attendance recorded by half-day.
 */
public final class AttendanceSheetPdf {

    private static final int DAYS_PER_TABLE = 3;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEE d/M", java.util.Locale.FRENCH);

    private AttendanceSheetPdf() {
    }

    public static byte[] render(TrainingAction a, YearMonth month, List<Schedule.HalfDay> schedule, List<Trainee> trainees,
                                List<HalfDayAttendance> recorded, Map<Long, String> trainers) {
        return render(a, month, schedule, trainees, recorded, trainers, SignatureMarks.NONE);
    }

    /** The same, with the half-days signed electronically marked « signé le … à … » (trainee and trainer). */
    static byte[] render(TrainingAction a, YearMonth month, List<Schedule.HalfDay> schedule, List<Trainee> trainees,
                         List<HalfDayAttendance> recorded, Map<Long, String> trainers, SignatureMarks signed) {
        List<String> trainerNames = List.copyOf(trainers.values());
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
                    .paragraph("Module : " + a.getTitle() + " — formateur(s) : " + (trainerNames.isEmpty() ? "à préciser" : String.join(", ", trainerNames))
                            + ". Horaires : matin " + HalfDayTimes.MORNING + ", après-midi " + HalfDayTimes.AFTERNOON + ".")
                    .paragraph("Semaine du " + French.date(monday) + ". Chaque stagiaire signe chaque demi-journée ; le formateur signe les "
                            + "demi-journées en centre, le tuteur les demi-journées en entreprise. Une absence est notée dans la case.");
            // at most three days side by side, so that a column is wide enough for its times and its signatures
            List<LocalDate> days = week.stream().map(Schedule.HalfDay::day).distinct().toList();
            for (int from = 0; from < days.size(); from += DAYS_PER_TABLE) {
                List<LocalDate> group = days.subList(from, Math.min(days.size(), from + DAYS_PER_TABLE));
                table(pdf, week.stream().filter(h -> group.contains(h.day())).toList(), trainees, trainers, recorded, byKey, signed);
            }
        }
        if (mondays.isEmpty()) {
            pdf.title(title).paragraph("Aucune demi-journée n'est prévue ce mois-ci.");
        }
        return pdf.toBytes();
    }

    private static void table(PdfDocument pdf, List<Schedule.HalfDay> week, List<Trainee> trainees, Map<Long, String> trainers,
                              List<HalfDayAttendance> recorded, Map<String, HalfDayAttendance> byKey, SignatureMarks signed) {
        boolean filled = !recorded.isEmpty();
        List<String> trainerNames = List.copyOf(trainers.values());
        List<PdfDocument.Column> columns = new ArrayList<>(List.of(new PdfDocument.Column("Stagiaire", 3, false)));
        week.forEach(h -> columns.add(new PdfDocument.Column(DAY.format(h.day()) + "\n"
                + HalfDayTimes.header(h.half()), 1.3f, false)));
        List<String> modules = new ArrayList<>(List.of("Module"));
        week.forEach(h -> modules.add(h.place() == Place.CENTRE ? "En centre" : "Période en entreprise"));
        List<List<String>> rows = new ArrayList<>(List.of(modules));
        for (Trainee t : trainees) {
            List<String> row = new ArrayList<>(List.of(t.getLastName() + " " + t.getFirstName()));
            week.forEach(h -> row.add(withSignature(cell(t, h, byKey), signed.trainee(t.getId(), h.day(), h.half()))));
            rows.add(row);
        }
        for (Map.Entry<Long, String> named : trainers.isEmpty() ? List.of(Map.entry(-1L, "")) : List.copyOf(trainers.entrySet())) {
            List<String> trainer = new ArrayList<>(List.of("Formateur : " + named.getValue() + " (signature)"));
            week.forEach(h -> trainer.add(withSignature(h.place() == Place.CENTRE ? " \n \n " : "—", signed.trainer(named.getKey(), h.day(), h.half()))));
            rows.add(trainer);
        }
        if (filled) {
            List<String> taught = new ArrayList<>(List.of("Formateur de la demi-journée"));
            week.forEach(h -> taught.add(recorded.stream().filter(r -> r.getDay().equals(h.day()) && r.getHalf() == h.half()
                    && r.getTrainerId() != null).map(r -> trainers.getOrDefault(r.getTrainerId(), "")).distinct().collect(Collectors.joining(", "))));
            rows.add(taught);
        }
        if (week.stream().anyMatch(h -> h.place() == Place.COMPANY)) {
            List<String> tutor = new ArrayList<>(List.of("Tuteur en entreprise (nom et signature)"));
            week.forEach(h -> tutor.add(h.place() == Place.COMPANY ? " \n \n " : "—"));
            rows.add(tutor);
        }
        pdf.table(columns, rows);
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
