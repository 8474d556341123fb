package fr.formaflow.attendance;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import fr.formaflow.platform.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's declaration as a spreadsheet (one row per trainee), for organisations with many trainees: exported
 * pre-filled, imported back. French headers, ";" separators and decimal commas, as Excel writes them in France.
 * A file with any error changes nothing: every error is reported with its line and column.
 */
@Service
@Transactional
public class DeclarationCsv {

    static final String ID = "N° stagiaire";
    static final String LAST_NAME = "Nom";
    static final String FIRST_NAME = "Prénom";
    static final String[] HOURS = {
        "Heures réalisées en centre", "Heures non réalisées justifiées en centre", "Heures non réalisées non justifiées en centre",
        "Heures réalisées en entreprise", "Heures non réalisées justifiées en entreprise", "Heures non réalisées non justifiées en entreprise"};
    static final String EXIT_DATE = "Date de sortie";
    static final String EXIT_TYPE = "Type de sortie";
    static final String EXIT_REASON = "Motif de sortie anticipée";
    static final Map<String, String> EXIT_TYPES = Map.of("END_OF_TRAINING", "Fin de formation", "EARLY_EXIT", "Sortie anticipée");

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setTrim(true).get();

    private final AttendanceService attendance;

    public DeclarationCsv(AttendanceService attendance) {
        this.attendance = attendance;
    }

    /** The month's trainees with what is already recorded (from the declaration, or derived from the half-days). */
    public String export(TrainingAction action, YearMonth month) {
        Map<Long, HourLine> recorded = attendance.hourLines(action.getId(), month).stream()
                .collect(Collectors.toMap(HourLine::traineeId, l -> l));
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // Excel reads UTF-8 only with a byte-order mark
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setHeader(headers()).get())) {
            for (Trainee t : attendance.traineesIn(action, month)) {
                HourLine line = recorded.get(t.getId());
                List<Object> row = new ArrayList<>(List.of(t.getId(), t.getLastName(), t.getFirstName()));
                if (line == null) {
                    for (int i = 0; i < HOURS.length; i++) {
                        row.add("");
                    }
                } else {
                    for (BigDecimal value : List.of(line.centreCompleted(), line.centreJustified(), line.centreUnjustified(),
                            line.companyCompleted(), line.companyJustified(), line.companyUnjustified())) {
                        row.add(value.stripTrailingZeros().toPlainString().replace('.', ','));
                    }
                }
                row.add(t.getExitDate() == null ? "" : FRENCH_DATE.format(t.getExitDate()));
                row.add(t.getExitType() == null ? "" : EXIT_TYPES.get(t.getExitType()));
                row.add(t.getEarlyExitReason() == null ? "" : EarlyExitReasons.LABELS.get(t.getEarlyExitReason()));
                printer.printRecord(row.stream().map(CsvCells::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads the file and records the month's hours and exits (not confirmed: the organisation confirms in Tasklist). */
    public int importMonth(TrainingAction action, YearMonth month, Reader file) {
        List<String> problems = new ArrayList<>();
        List<TraineeMonth> rows = new ArrayList<>();
        try {
            var parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).get().parse(file);
            List<String> headers = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
            List<String> missing = new ArrayList<>();
            for (String header : headers()) {
                if (!headers.contains(header) && !header.equals(LAST_NAME) && !header.equals(FIRST_NAME)) {
                    missing.add("« " + header + " »");
                }
            }
            if (!missing.isEmpty()) {
                throw new BusinessRuleException("Le fichier n'a pas été importé : colonne(s) manquante(s) " + String.join(", ", missing)
                        + ". Partez du fichier exporté pour ce mois.");
            }
            for (CSVRecord record : parser) {
                Row row = new Row(record, headers, problems);
                Long traineeId = row.id();
                if (traineeId == null) {
                    continue;
                }
                BigDecimal[] hours = new BigDecimal[HOURS.length];
                for (int i = 0; i < HOURS.length; i++) {
                    hours[i] = row.hours(HOURS[i]);
                }
                String exitType = row.exitType();
                String reason = row.exitReason();
                rows.add(new TraineeMonth(new HourLine(traineeId, hours[0], hours[1], hours[2], hours[3], hours[4], hours[5]),
                        row.date(EXIT_DATE), exitType, reason));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof BusinessRuleException rule) {
                throw rule;
            }
            throw new BusinessRuleException("Le fichier n'a pas été importé : il n'est pas lisible comme un fichier CSV séparé par des "
                    + "points-virgules (" + e.getMessage() + ").");
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("Le fichier ne contient aucune ligne de stagiaire.");
        }
        BusinessRuleException.throwIfAny("Le fichier n'a pas été importé, rien n'a été enregistré :", problems);
        attendance.saveDraft(action, month, rows, "Le fichier n'a pas été importé, rien n'a été enregistré :");
        return rows.size();
    }

    private static String[] headers() {
        List<String> headers = new ArrayList<>(List.of(ID, LAST_NAME, FIRST_NAME));
        headers.addAll(List.of(HOURS));
        headers.addAll(List.of(EXIT_DATE, EXIT_TYPE, EXIT_REASON));
        return headers.toArray(String[]::new);
    }

    /** One line of the file, reporting each bad cell as "Ligne n, colonne « X » : ...". */
    private static final class Row {

        private final CSVRecord record;
        private final List<String> headers;
        private final List<String> problems;

        Row(CSVRecord record, List<String> headers, List<String> problems) {
            this.record = record;
            this.headers = headers;
            this.problems = problems;
        }

        private String cell(String column) {
            int index = headers.indexOf(column);
            return index < 0 || index >= record.size() ? "" : record.get(index);
        }

        private void problem(String column, String message) {
            problems.add("Ligne " + (record.getRecordNumber() + 1) + ", colonne « " + column + " » : " + message);
        }

        Long id() {
            String value = cell(ID);
            if (value.isEmpty()) {
                problem(ID, "le numéro du stagiaire est obligatoire (il figure dans le fichier exporté).");
                return null;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                problem(ID, "« " + value + " » n'est pas un numéro de stagiaire.");
                return null;
            }
        }

        BigDecimal hours(String column) {
            String value = cell(column).replaceAll("[\\s\u00A0\u202F]", "").replace(',', '.');
            if (value.isEmpty()) {
                return BigDecimal.ZERO;
            }
            try {
                BigDecimal hours = new BigDecimal(value);
                if (hours.signum() < 0) {
                    problem(column, "un nombre d'heures ne peut pas être négatif (" + cell(column) + ").");
                    return BigDecimal.ZERO;
                }
                return hours;
            } catch (NumberFormatException e) {
                problem(column, "« " + cell(column) + " » n'est pas un nombre d'heures.");
                return BigDecimal.ZERO;
            }
        }

        LocalDate date(String column) {
            String value = cell(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "« " + value + " » n'est pas une date (jj/mm/aaaa).");
                return null;
            }
        }

        String exitType() {
            String value = cell(EXIT_TYPE);
            if (value.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, String> type : EXIT_TYPES.entrySet()) {
                if (type.getKey().equalsIgnoreCase(value) || type.getValue().equalsIgnoreCase(value)) {
                    return type.getKey();
                }
            }
            problem(EXIT_TYPE, "« " + value + " » n'est pas reconnu (« Fin de formation » ou « Sortie anticipée »).");
            return null;
        }

        String exitReason() {
            String value = cell(EXIT_REASON);
            if (value.isEmpty()) {
                return null;
            }
            String code = EarlyExitReasons.code(value);
            if (code == null) {
                problem(EXIT_REASON, "« " + value + " » n'est pas un motif reconnu (" + String.join(", ", EarlyExitReasons.LABELS.values()) + ").");
            }
            return code;
        }
    }

}
