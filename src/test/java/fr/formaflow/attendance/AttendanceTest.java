package fr.formaflow.attendance;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** A month of a running action: attendance by half-day, the CSV round trip, the rules, the summary. */
@FormaflowTest
class AttendanceTest {

    static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    AttendanceSheets sheets;
    @Autowired
    DeclarationCsv csv;
    @Autowired
    AttendanceService attendance;
    @Autowired
    HoursSummary summary;
    @Autowired
    TraineeService trainees;
    @Autowired
    TransactionTemplate transactions;

    DossierDriver driver;
    TrainingAction action;
    List<Trainee> people;

    @BeforeEach
    void runToJanuary() {
        driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        action = driver.runToExecution("MONTHLY", 2, DossierDriver.withOwnTrainers(DossierDriver.programme(3)));
        people = trainees.of(action.getId());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void hoursDeriveFromHalfDaysByPlaceAndKind() {
        List<HalfDayEntry> entries = new ArrayList<>();
        Long trainer = action.getTrainers().get(0).trainerId();
        for (Schedule.HalfDay h : new Schedule(action.getPeriods(), false).of(JANUARY)) {
            // the first trainee misses the afternoon of 12 January (justified) and the morning of 13 January (unjustified)
            HalfDayAttendance.Status first = h.day().equals(LocalDate.of(2026, 1, 12)) && h.half() == Schedule.Half.PM
                    ? HalfDayAttendance.Status.ABSENT_JUSTIFIED
                    : h.day().equals(LocalDate.of(2026, 1, 13)) && h.half() == Schedule.Half.AM
                    ? HalfDayAttendance.Status.ABSENT_UNJUSTIFIED : HalfDayAttendance.Status.PRESENT;
            entries.add(new HalfDayEntry(people.get(0).getId(), h.day(), h.half(), first, new BigDecimal("3.5"), trainer));
            entries.add(new HalfDayEntry(people.get(1).getId(), h.day(), h.half(), HalfDayAttendance.Status.PRESENT,
                    new BigDecimal("3.5"), trainer));
        }
        // 5 January to 30 January: 20 weekdays, 40 half-days of 3.5 h = 140 h planned in centre
        assertThat(entries).hasSize(2 * 40);
        // too much for the plan: 140 h is the whole centre duration, so it fits exactly
        transactions.executeWithoutResult(s -> sheets.record(action, JANUARY, entries, false));
        Map<Long, HourLine> hours = new java.util.HashMap<>();
        attendance.hourLines(action.getId(), JANUARY).forEach(l -> hours.put(l.traineeId(), l));
        HourLine first = hours.get(people.get(0).getId());
        assertThat(first.centreCompleted()).isEqualByComparingTo("133");
        assertThat(first.centreJustified()).isEqualByComparingTo("3.5");
        assertThat(first.centreUnjustified()).isEqualByComparingTo("3.5");
        assertThat(hours.get(people.get(1).getId()).centreCompleted()).isEqualByComparingTo("140");

        // the realisation rate moves once the month is confirmed: (136.5 + 140) / (210 h × 3 planned trainees)
        assertThat(summary.of(driver.reload(action)).realisationRate()).isEqualByComparingTo("0");
        clock(LocalDateTime.of(2026, 2, 2, 9, 0));
        driver.runDueJobs(action);
        // a month recorded by half-day is confirmed once its signed sheet is on file (see ConsistencyTest)
        transactions.executeWithoutResult(t -> context.getBean(fr.formaflow.documents.DocumentService.class).upload(driver.reload(action),
                fr.formaflow.documents.DocumentType.ATTENDANCE_SHEET, null, JANUARY, "emargement-janvier.pdf", DossierDriver.pdf(), ORGANISATION_USER));
        // the justified afternoon of 12 January is detailed and its proof uploaded, the unjustified morning is not paid
        driver.uploadAbsenceProof(action, "2026-01");
        driver.complete(ORGANISATION_USER, action, "Task_DeclareMonth", Map.of("hours", driver.formVariables(action, "Task_DeclareMonth")
                .get("hours"), "absences", DossierDriver.json("[{\"traineeId\":" + people.get(0).getId() + ",\"start\":\"2026-01-12\","
                + "\"end\":\"2026-01-12\",\"reason\":\"Maladie (arrêt de travail)\",\"place\":\"CENTRE\",\"hours\":3.5}]"), "confirmed", true));
        HoursSummary.Summary table = summary.of(driver.reload(action));
        // 43.888… %: shown truncated, like the comparison with the funder's thresholds (never rounded up to a threshold)
        assertThat(table.realisationRate()).isEqualByComparingTo("43.88");
        assertThat(table.trainees().get(0).months().get("2026-01").centre()).isEqualByComparingTo("140");
        assertThat(table.months().get(0).status()).isEqualTo("CONFIRMED");
        // what the funder's validator reads next to the month's invoice (February, not declared yet, adds nothing)
        String forValidator = transactions.execute(t -> context.getBean(fr.formaflow.compliance.ConsistencyCheck.class)
                .justifiedAbsences(driver.reload(action), List.of(JANUARY, JANUARY.plusMonths(1))));
        assertThat(forValidator).isEqualTo("Absences justifiées déclarées :\n" + French.month(JANUARY) + " — 1 justificatif(s) versé(s) :\n• "
                + people.get(0).fullName() + ", du " + French.date(LocalDate.of(2026, 1, 12)) + " au " + French.date(LocalDate.of(2026, 1, 12))
                + ", Maladie (arrêt de travail), " + French.hours(new BigDecimal("3.5")));
    }

    @Test
    void halfDaysWhoseHoursBreakTheMonthsRulesAreRefusedBeforeTheMonthsSheetIsReplaced() {
        Long trainer = action.getTrainers().get(0).trainerId();
        List<Schedule.HalfDay> january = new Schedule(action.getPeriods(), false).of(JANUARY);
        List<HalfDayEntry> firstWeek = january.subList(0, 10).stream().map(h -> new HalfDayEntry(people.get(0).getId(), h.day(), h.half(),
                HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), trainer)).toList();
        // every half-day of January at 4 h: 160 h, more than the 140 h planned in centre
        List<HalfDayEntry> tooMuch = january.stream().map(h -> new HalfDayEntry(people.get(0).getId(), h.day(), h.half(),
                HalfDayAttendance.Status.PRESENT, new BigDecimal("4"), trainer)).toList();
        transactions.executeWithoutResult(s -> {
            sheets.record(action, JANUARY, firstWeek, false);
            assertThatThrownBy(() -> sheets.record(action, JANUARY, tooMuch, false))
                    .hasMessageContaining("Anna STAGIAIREA : 160 h cumulées en centre dépassent les 140 h prévues.");
            // still inside the transaction, before any rollback: the refused sheet wrote nothing
            assertThat(sheets.of(action, JANUARY)).hasSize(10).allMatch(h -> h.getHours().compareTo(new BigDecimal("3.5")) == 0);
            assertThat(attendance.hourLines(action.getId(), JANUARY)).singleElement()
                    .satisfies(line -> assertThat(line.centreCompleted()).isEqualByComparingTo("35"));
            s.setRollbackOnly();
        });
    }

    @Test
    void halfDaysOffTheScheduleOrTheTraineesDatesAreRefusedAndNothingIsWritten() {
        Long id = people.get(0).getId();
        List<HalfDayEntry> entries = List.of(
                new HalfDayEntry(id, LocalDate.of(2026, 1, 6), Schedule.Half.AM, HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), null),
                new HalfDayEntry(id, LocalDate.of(2026, 1, 10), Schedule.Half.AM, HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), null),
                new HalfDayEntry(id, LocalDate.of(2026, 1, 2), Schedule.Half.PM, HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), null),
                new HalfDayEntry(id, LocalDate.of(2026, 1, 7), Schedule.Half.AM, HalfDayAttendance.Status.PRESENT, new BigDecimal("5"), 999L));
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> sheets.record(action, JANUARY, entries, false)))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Ligne 2 : Anna STAGIAIREA : le 10/01/2026 est un week-end.")
                .hasMessageContaining("Ligne 3 : Anna STAGIAIREA : le 02/01/2026 n'appartient à aucune période de l'action.")
                .hasMessageContaining("le 02/01/2026 est en dehors de ses dates de formation.")
                .hasMessageContaining("Ligne 4 : Anna STAGIAIREA : une demi-journée compte entre 0 et 4 h.")
                .hasMessageContaining("le formateur n° 999 n'intervient pas dans cette action.");
        assertThat(sheets.of(action, JANUARY)).isEmpty();
        assertThat(attendance.hourLines(action.getId(), JANUARY)).isEmpty();
    }

    @Test
    void aCsvRoundTripWithErrorsChangesNothingAndAValidOneIsReadyToConfirm() {
        String exported = transactions.execute(s -> csv.export(action, JANUARY));
        assertThat(exported).startsWith("\uFEFFN° stagiaire;Nom;Prénom;Heures réalisées en centre;")
                .contains(people.get(0).getId() + ";STAGIAIREA;Anna;;;;;;;;;");
        // a name typed as a formula is exported as text (issue 27: CSV formula injection)
        jdbc.update("update trainee set first_name = ? where id = ?", "=HYPERLINK(\"http://evil.example/\")", people.get(0).getId());
        String injected = transactions.execute(s -> csv.export(action, JANUARY));
        assertThat(injected).contains(";STAGIAIREA;\"'=HYPERLINK(\"\"http://evil.example/\"\")\";")
                .doesNotContain(";=HYPERLINK");
        jdbc.update("update trainee set first_name = ? where id = ?", "Anna", people.get(0).getId());

        String wrong = "N° stagiaire;Nom;Prénom;" + String.join(";", DeclarationCsv.HOURS) + ";Date de sortie;Type de sortie;Motif de sortie anticipée\n"
                + people.get(0).getId() + ";A;A;70;douze;0;0;0;0;;;\n"
                + "987654;X;X;10;0;0;0;0;0;;;\n"
                + people.get(1).getId() + ";B;B;-3;0;0;0;0;0;31/02/2026;Partie;Vacances\n";
        assertThatThrownBy(() -> transactions.execute(s -> csv.importMonth(action, JANUARY, new StringReader(wrong))))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Ligne 2, colonne « Heures non réalisées justifiées en centre » : « douze » n'est pas un nombre d'heures.")
                .hasMessageContaining("Ligne 4, colonne « Heures réalisées en centre » : un nombre d'heures ne peut pas être négatif (-3).")
                .hasMessageContaining("Ligne 4, colonne « Date de sortie » : « 31/02/2026 » n'est pas une date (jj/mm/aaaa).")
                .hasMessageContaining("Ligne 4, colonne « Type de sortie » : « Partie » n'est pas reconnu")
                .hasMessageContaining("Ligne 4, colonne « Motif de sortie anticipée » : « Vacances » n'est pas un motif reconnu");
        String unknownTrainee = "N° stagiaire;" + String.join(";", DeclarationCsv.HOURS) + ";Date de sortie;Type de sortie;Motif de sortie anticipée\n"
                + people.get(0).getId() + ";70;0;0;0;0;0;;;\n" + "987654;10;0;0;0;0;0;;;\n";
        assertThatThrownBy(() -> transactions.execute(s -> csv.importMonth(action, JANUARY, new StringReader(unknownTrainee))))
                .hasMessageContaining("Le stagiaire n° 987654 n'appartient pas à ce dossier.");
        String tooMuch = "N° stagiaire;" + String.join(";", DeclarationCsv.HOURS) + ";Date de sortie;Type de sortie;Motif de sortie anticipée\n"
                + people.get(0).getId() + ";150;0;0;0;0;0;;;\n";
        assertThatThrownBy(() -> transactions.execute(s -> csv.importMonth(action, JANUARY, new StringReader(tooMuch))))
                .hasMessageContaining("Anna STAGIAIREA : 150 h cumulées en centre dépassent les 140 h prévues.");
        assertThat(attendance.hourLines(action.getId(), JANUARY)).as("nothing written").isEmpty();

        String valid = exported.replace(people.get(0).getId() + ";STAGIAIREA;Anna;;;;;;;;;", people.get(0).getId() + ";STAGIAIREA;Anna;68,5;1,5;0;0;0;0;;;")
                .replace(people.get(1).getId() + ";STAGIAIREB;Anna;;;;;;;;;", people.get(1).getId() + ";STAGIAIREB;Anna;35;0;0;0;0;0;16/01/2026;Sortie anticipée;Accès à l'emploi");
        Integer imported = transactions.execute(s -> csv.importMonth(action, JANUARY, new StringReader(valid)));
        assertThat(imported).isEqualTo(2);
        assertThat(trainees.require(driver.reload(action), people.get(1).getId()).getEarlyExitReason()).isEqualTo("EMPLOYMENT");
        String reexported = transactions.execute(s -> csv.export(driver.reload(action), JANUARY));
        assertThat(reexported)
                .contains(people.get(0).getId() + ";STAGIAIREA;Anna;68,5;1,5;0;0;0;0;;;")
                .contains("16/01/2026;Sortie anticipée;Accès à l'emploi");

        // the declaration form comes pre-filled with the import; once confirmed, the month is read-only
        clock(LocalDateTime.of(2026, 2, 2, 9, 0));
        driver.runDueJobs(action);
        assertThat(driver.formVariables(action, "Task_DeclareMonth").get("hours").toString()).contains("68.5");
        driver.uploadSignedSheet(action, "2026-01");
        driver.uploadAbsenceProof(action, "2026-01");
        driver.complete(ORGANISATION_USER, action, "Task_DeclareMonth", Map.of("hours", driver.formVariables(action, "Task_DeclareMonth")
                .get("hours"), "absences", DossierDriver.json("[{\"traineeId\":" + people.get(0).getId() + ",\"start\":\"2026-01-20\","
                + "\"end\":\"2026-01-20\",\"reason\":\"Rendez-vous France Travail\",\"place\":\"CENTRE\",\"hours\":1.5}]"),
                "confirmed", true));
        assertThatThrownBy(() -> transactions.execute(s -> csv.importMonth(action, JANUARY, new StringReader(valid))))
                .hasMessageContaining("est confirmée : elle ne peut plus être modifiée");
    }

    @Test
    void noAttendanceBeforeAnIssuedPurchaseOrderIsSigned() {
        TrainingAction unsigned = transactions.execute(s -> {
            TrainingAction a = driver.reload(action);
            a.issuePurchaseOrder("BC-1", LocalDate.of(2025, 12, 1));
            return a;
        });
        List<String> before = MonthDeclarationRules.attendanceAllowed(unsigned);
        assertThat(before).containsExactly(
                "Aucune présence ne peut être enregistrée avant que le bon de commande BC-1 soit signé et retourné au financeur.");
        unsigned.signPurchaseOrder();
        List<String> after = MonthDeclarationRules.attendanceAllowed(unsigned);
        assertThat(after).isEmpty();
    }
}
