package fr.formaflow.compliance;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.clock;
import static fr.formaflow.support.DossierDriver.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.AttendanceSheets;
import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.HalfDayEntry;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A month recorded by half-day whose declaration disagrees with the sheets and whose signed sheet is missing: the
 * organisation cannot confirm it and is told why, fixes both, and the month and its invoice go through; the funder's
 * validator sees the warning about a trainee's unjustified absences next to the approve button.
 */
@FormaflowTest
class ConsistencyTest {

    static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Autowired
    ApplicationContext context;
    @Autowired
    AttendanceSheets sheets;
    @Autowired
    AttendanceService attendance;
    @Autowired
    TraineeService trainees;
    @Autowired
    DocumentService documents;
    @Autowired
    ConsistencyCheck consistency;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void inconsistenciesStopTheStepWithFrenchSentencesUntilFixedAndWarningsReachTheValidator() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        // entered before January: the month's timers are due on their own dates, not caught up at once
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.runToExecution("MONTHLY", 2, DossierDriver.withOwnTrainers(DossierDriver.programme(3)));
        List<Trainee> people = trainees.of(action.getId());
        Trainee anna = people.get(0);
        Trainee other = people.get(1);
        // the second trainee misses 10 of the 40 half-days without a reason: 35 h of 140 (25 %)
        List<HalfDayEntry> entries = new ArrayList<>();
        Long trainer = action.getTrainers().get(0).trainerId();
        int missed = 0;
        for (Schedule.HalfDay h : new Schedule(action.getPeriods(), false).of(JANUARY)) {
            entries.add(new HalfDayEntry(anna.getId(), h.day(), h.half(), HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), trainer));
            HalfDayAttendance.Status status = missed++ < 10 ? HalfDayAttendance.Status.ABSENT_UNJUSTIFIED : HalfDayAttendance.Status.PRESENT;
            entries.add(new HalfDayEntry(other.getId(), h.day(), h.half(), status, new BigDecimal("3.5"), trainer));
        }
        transactions.executeWithoutResult(s -> sheets.record(driver.reload(action), JANUARY, entries, false));

        clock(LocalDateTime.of(2026, 2, 2, 9, 0));
        driver.runDueJobs(action);
        // the declaration typed in the form says 133 h for Anna where her sheets count 140 h
        Map<String, Object> typed = Map.of("hours", json(new ObjectMapper().writeValueAsString(List.of(
                Map.of("traineeId", anna.getId(), "centreCompleted", 133),
                Map.of("traineeId", other.getId(), "centreCompleted", 105, "centreUnjustified", 35)))), "confirmed", true);
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_DeclareMonth", typed))
                .hasMessageContaining("La déclaration de janvier 2026 ne peut pas être confirmée tant que le contrôle de cohérence signale")
                .hasMessageContaining(anna.fullName() + ", janvier 2026 : la feuille d'émargement compte " + French.hours(new BigDecimal("140"))
                        + " réalisées en centre, la déclaration mensuelle " + French.hours(new BigDecimal("133")))
                .hasMessageContaining("Émargement de janvier 2026 : les heures réalisées de " + anna.fullName());
        assertThat(attendance.declaration(action.getId(), JANUARY).isConfirmed()).as("nothing confirmed").isFalse();
        assertThat(attendance.hourLines(action.getId(), JANUARY)).as("the hours the sheets gave, not the typed ones")
                .filteredOn(line -> line.traineeId() == anna.getId()).singleElement()
                .satisfies(line -> assertThat(line.centreCompleted()).isEqualByComparingTo("140"));
        assertThat(consistency.check(driver.reload(action))).filteredOn(Finding::isBlocking).isEmpty();

        // fixed: the signed sheet is uploaded for January and the declaration takes the sheets' hours
        transactions.executeWithoutResult(s -> documents.upload(driver.reload(action), DocumentType.ATTENDANCE_SHEET, null, JANUARY,
                "emargement-janvier-signe.pdf", DossierDriver.pdf(), ORGANISATION_USER));
        driver.complete(ORGANISATION_USER, action, "Task_DeclareMonth", Map.of("hours", driver.formVariables(action, "Task_DeclareMonth")
                .get("hours"), "confirmed", true));
        assertThat(attendance.declaration(action.getId(), JANUARY).isConfirmed()).isTrue();

        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        Object details = driver.formVariables(action, "Task_ValidateInvoice").get("details");
        assertThat(String.valueOf(details)).contains("Points d'attention du contrôle de cohérence", other.fullName() + ", janvier 2026 : "
                + French.hours(new BigDecimal("35")) + " d'absence non justifiée sur " + French.hours(new BigDecimal("140")) + " (25 %)");
        driver.complete(FUNDER_USER, action, "Task_ValidateInvoice", Map.of("decision", "APPROVE"));
    }

    @Test
    void anAttendanceSheetUploadNamesItsMonth() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.runToExecution("MONTHLY", 3, 1);
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> documents.upload(driver.reload(action), DocumentType.ATTENDANCE_SHEET,
                null, null, "emargement.pdf", DossierDriver.pdf(), ORGANISATION_USER)))
                .hasMessageContaining("Indiquez le mois de la feuille d'émargement signée.");
        assertThat(documents.of(driver.reload(action))).noneMatch(d -> d.getType() == DocumentType.ATTENDANCE_SHEET);
    }
}
