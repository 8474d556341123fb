package fr.formaflow.compliance;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.attendance.AttendanceSheets;
import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.HalfDayEntry;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.TraineeService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The same person in two actions on the same days, of the same organisation or of two, is refused before anything is
 * written; in successive actions it is accepted. {@link fr.formaflow.platform.PostgresDossierTest} runs it on PostgreSQL.
 */
@FormaflowTest
public class CrossDossierTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aPersonIsNotFundedTwiceForTheSameDays() {
        check(new DossierDriver(context), context.getBean(TraineeService.class));
    }

    @Test
    void aTrainerTeachesOneActionAtATime() {
        DossierDriver driver = new DossierDriver(context);
        DossierDriver.clock(java.time.LocalDateTime.of(2025, 12, 1, 9, 0));
        try {
            Map<String, Object> programme = DossierDriver.withOwnTrainers(DossierDriver.programme(3));
            TrainingAction first = driver.runToExecution("MONTHLY", 1, programme);
            TrainingAction second = driver.runToExecution("MONTHLY", 1, programme);
            AttendanceSheets sheets = context.getBean(AttendanceSheets.class);
            org.springframework.transaction.support.TransactionTemplate transactions =
                    context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
            transactions.executeWithoutResult(s -> sheets.record(driver.reload(first), JANUARY, firstWeek(driver, first, 0), false));

            assertThatThrownBy(() -> transactions.executeWithoutResult(s -> sheets.record(driver.reload(second), JANUARY,
                    firstWeek(driver, second, 0), false)))
                    .hasMessageContaining("L'émargement de janvier 2026 ne peut pas être enregistré")
                    .hasMessageContaining("anime déjà l'action " + first.getContractNumber() + " le 05/01/2026 (matin)");
            java.util.List<HalfDayAttendance> refused = transactions.execute(s -> sheets.of(driver.reload(second), JANUARY));
            assertThat(refused).as("nothing written").isEmpty();
            // the other trainer of the dossier teaches that week: accepted
            transactions.executeWithoutResult(s -> sheets.record(driver.reload(second), JANUARY, firstWeek(driver, second, 1), false));
            java.util.List<HalfDayAttendance> recorded = transactions.execute(s -> sheets.of(driver.reload(second), JANUARY));
            assertThat(recorded).hasSize(10);

            // the same freelance trainer (same e-mail address) for another organisation, the same week: refused, unnamed
            TrainingAction elsewhere = readyForTrainees(driver, "paul.roux", "Régie plateau", programme);
            driver.complete("paul.roux", elsewhere, "Task_EnterTrainees", DossierDriver.trainees(1));
            driver.approve(elsewhere, "CallActivity_ValidateTrainees");
            driver.complete("paul.roux", elsewhere, "Task_OpenAction", Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY"));
            driver.approve(elsewhere, "CallActivity_ValidateOpening");
            assertThatThrownBy(() -> transactions.executeWithoutResult(s -> sheets.record(driver.reload(elsewhere), JANUARY,
                    firstWeek(driver, elsewhere, 0), false)))
                    .hasMessageContaining("anime déjà une action d'un autre organisme le 05/01/2026 (matin)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(first.getContractNumber()));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    static final java.time.YearMonth JANUARY = java.time.YearMonth.of(2026, 1);

    /** The first week of January, every half-day present, taught by the dossier's trainer n° {@code trainer}. */
    private java.util.List<HalfDayEntry> firstWeek(DossierDriver driver, TrainingAction action, int trainer) {
        TrainingAction current = driver.reload(action);
        long trainee = context.getBean(TraineeService.class).of(current.getId()).get(0).getId();
        Long trainerId = current.getTrainers().get(trainer).trainerId();
        return new Schedule(current.getPeriods(), false).of(JANUARY).subList(0, 10).stream().map(h -> new HalfDayEntry(trainee, h.day(),
                h.half(), HalfDayAttendance.Status.PRESENT, new java.math.BigDecimal("3.5"), trainerId)).toList();
    }

    /** The scenario, shared with the PostgreSQL run. */
    public static void check(DossierDriver driver, TraineeService trainees) {
        Map<String, Object> people = DossierDriver.trainees(2);
        TrainingAction first = readyForTrainees(driver, ORGANISATION_USER, "Régie lumière");
        driver.complete(ORGANISATION_USER, first, "Task_EnterTrainees", people);

        TrainingAction second = readyForTrainees(driver, ORGANISATION_USER, "Régie son");
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, second, "Task_EnterTrainees", people))
                .hasMessageContaining("La liste des stagiaires ne peut pas être enregistrée")
                .hasMessageContaining("Anna STAGIAIREA (né(e) le ")
                .hasMessageContaining("suit déjà l'action " + first.getContractNumber() + " « Accessoiriste de spectacle » aux mêmes dates, à partir du 05/01/2026")
                .hasMessageContaining("Anna STAGIAIREB");
        assertThat(trainees.of(second.getId())).as("nothing written").isEmpty();

        // another organisation's action on the same days: refused too, without naming the other organisation
        TrainingAction elsewhere = readyForTrainees(driver, "paul.roux", "Régie plateau");
        assertThatThrownBy(() -> driver.complete("paul.roux", elsewhere, "Task_EnterTrainees", people))
                .hasMessageContaining("suit déjà une action financée d'un autre organisme aux mêmes dates")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(first.getContractNumber()));

        // new people: accepted
        driver.complete(ORGANISATION_USER, second, "Task_EnterTrainees", DossierDriver.trainees(2));
        assertThat(trainees.of(second.getId())).hasSize(2);
    }

    private static TrainingAction readyForTrainees(DossierDriver driver, String user, String title) {
        return readyForTrainees(driver, user, title, DossierDriver.programme(3));
    }

    private static TrainingAction readyForTrainees(DossierDriver driver, String user, String title, Map<String, Object> submitted) {
        TrainingAction action = driver.create(user, REGION, title);
        Map<String, Object> programme = new java.util.HashMap<>(submitted);
        programme.remove("subcontractors"); // Paul Roux's organisation is the one Marie Durand's programme subcontracts to
        driver.complete(user, action, "Task_SubmitDossier", programme);
        driver.approve(action, "CallActivity_ValidateSubmission");
        driver.uploadContractDocuments(action);
        driver.complete(user, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");
        return driver.reload(action);
    }
}
