package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a month's declaration, on values already loaded: no Spring, no database. */
class MonthDeclarationRulesTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final long ANNA = 1;
    private static final long BRUNO = 2;

    private final TrainingAction action = new TrainingAction("C-2026-1", new fr.formaflow.funder.Funder("OCCITANIE", "Région Occitanie", fr.formaflow.funder.FundingScheme.REGION_MARKET, "QCA"), null, "Soudeur", 2026, LocalDateTime.of(2026, 1, 5, 9, 0));
    private final Map<Long, Trainee> trainees = Map.of(ANNA, trainee("Dupont", "Anna", LocalDate.of(2026, 2, 2)),
            BRUNO, trainee("Martin", "Bruno", LocalDate.of(2026, 4, 1)));

    private static Trainee trainee(String lastName, String firstName, LocalDate entry) {
        Trainee trainee = new Trainee(7L);
        trainee.update(new TraineeRecord(null, "M.", lastName, firstName, LocalDate.of(1990, 1, 1), "F", "FR", null, "1 rue", "34000",
                "Montpellier", null, entry, "France Travail", "3", "26-44", "moins d'un an", "France Travail", false, false, true,
                new BigDecimal("140"), new BigDecimal("35"), "Soudage", false));
        return trainee;
    }

    private static TraineeMonth row(long traineeId, String centreCompleted) {
        return new TraineeMonth(new HourLine(traineeId, new BigDecimal(centreCompleted), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), null, null, null);
    }

    private static MonthlyDeclaration declaration(YearMonth month) {
        return new MonthlyDeclaration(7L, month, month.plusMonths(1).atDay(10));
    }

    @Test
    void theHoursOfAMonthBelongToTraineesInTrainingWithinTheirPlannedHours() {
        Map<Long, HourLine> otherMonths = Map.of(ANNA, row(ANNA, "100").hours());
        List<String> problems = MonthDeclarationRules.hours(action, declaration(MARCH), trainees, otherMonths,
                List.of(row(ANNA, "50"), row(ANNA, "0"), row(BRUNO, "7"), row(99, "7")));

        assertThat(problems).containsExactly(
                "Anna DUPONT : 150 h cumulées en centre dépassent les 140 h prévues.",
                "Anna DUPONT figure deux fois dans la déclaration.",
                "Bruno MARTIN : des heures sont déclarées en mars 2026 alors que l'entrée en formation est le 01/04/2026.",
                "Le stagiaire n° 99 n'appartient pas à ce dossier.");
    }

    @Test
    void hoursWithinThePlanOfTraineesInTrainingPass() {
        assertThat(MonthDeclarationRules.hours(action, declaration(MARCH), trainees, Map.of(ANNA, row(ANNA, "90").hours()),
                List.of(row(ANNA, "50"), row(BRUNO, "0")))).isEmpty();
    }

    @Test
    void anExitDeclaredWithTheMonthIsCompleteAndWithinTheMonth() {
        TraineeMonth early = new TraineeMonth(row(ANNA, "7").hours(), LocalDate.of(2026, 3, 20), "EARLY_EXIT", null);
        TraineeMonth later = new TraineeMonth(row(ANNA, "7").hours(), LocalDate.of(2026, 4, 2), null, null);

        assertThat(MonthDeclarationRules.hours(action, declaration(MARCH), trainees, Map.of(), List.of(early))).containsExactly(
                "Anna DUPONT : le motif de la sortie anticipée est obligatoire.");
        assertThat(MonthDeclarationRules.hours(action, declaration(MARCH), trainees, Map.of(), List.of(later))).containsExactly(
                "Anna DUPONT : la date de sortie (02/04/2026) est postérieure au mois déclaré.",
                "Anna DUPONT : précisez s'il s'agit de la fin de la formation ou d'une sortie anticipée.");
        assertThat(MonthDeclarationRules.hours(action, declaration(MARCH), trainees, Map.of(), List.of(
                new TraineeMonth(row(ANNA, "7").hours(), LocalDate.of(2026, 3, 20), "EARLY_EXIT", "EMPLOYMENT")))).isEmpty();
    }

    @Test
    void aConfirmedMonthAndAnUnsignedPurchaseOrderRefuseAnyHour() {
        MonthlyDeclaration confirmed = declaration(MARCH);
        confirmed.confirm("org", LocalDateTime.of(2026, 4, 2, 10, 0));
        action.issuePurchaseOrder("BC-1", LocalDate.of(2026, 1, 10));

        assertThat(MonthDeclarationRules.hours(action, confirmed, trainees, Map.of(), List.of())).containsExactly(
                "La déclaration de mars 2026 est confirmée : elle ne peut plus être modifiée, sauf si le financeur la rouvre en "
                        + "rejetant sa facture.",
                "Aucune présence ne peut être enregistrée avant que le bon de commande BC-1 soit signé et retourné au financeur.");
        action.signPurchaseOrder();
        assertThat(MonthDeclarationRules.attendanceAllowed(action)).isEmpty();
    }

    @Test
    void aMonthIsConfirmedAfterThePreviousOneWithTheBoxTicked() {
        assertThat(MonthDeclarationRules.confirmation(declaration(MARCH.minusMonths(1)), false)).containsExactly(
                "Confirmez d'abord la déclaration de février 2026 : la confirmation d'un mois débloque le suivant.",
                "Cochez la confirmation de la déclaration du mois pour la transmettre.");
        assertThat(MonthDeclarationRules.confirmation(null, true)).isEmpty();
    }

    @Test
    void anAbsenceIsCompleteAndWithinTheMonth() {
        List<AbsenceEntry> absences = List.of(
                new AbsenceEntry(ANNA, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 2), "Maladie", Place.CENTRE, new BigDecimal("7")),
                new AbsenceEntry(ANNA, LocalDate.of(2026, 3, 3), null, "Maladie", Place.CENTRE, new BigDecimal("7")),
                new AbsenceEntry(99, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), "Maladie", Place.CENTRE, new BigDecimal("7")),
                new AbsenceEntry(ANNA, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4), "Maladie", Place.COMPANY, new BigDecimal("14")));

        assertThat(MonthDeclarationRules.absences(MARCH, trainees, absences)).containsExactly(
                "Absence de Anna DUPONT : la période doit se situer dans le mois de mars 2026.",
                "Absence de Anna DUPONT : début, fin, motif, lieu et nombre d'heures sont obligatoires.",
                "Absence : le stagiaire n° 99 n'appartient pas à ce dossier.");
    }

    @Test
    void anAttendanceSheetLineIsOnAScheduledHalfDayWithinTheTraineesDates() {
        Schedule schedule = new Schedule(List.of(new Period(Place.CENTRE, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31))), false);
        action.replaceTrainers(List.of(new TrainerAssignment(5L, new BigDecimal("100"))));
        List<HalfDayEntry> entries = List.of(
                new HalfDayEntry(ANNA, LocalDate.of(2026, 3, 3), Schedule.Half.AM, HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), 5L),
                new HalfDayEntry(ANNA, LocalDate.of(2026, 3, 7), Schedule.Half.AM, HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), 5L),
                new HalfDayEntry(ANNA, LocalDate.of(2026, 3, 3), Schedule.Half.AM, HalfDayAttendance.Status.PRESENT, new BigDecimal("5"), 6L),
                new HalfDayEntry(BRUNO, LocalDate.of(2026, 3, 4), Schedule.Half.PM, HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), null));

        assertThat(MonthDeclarationRules.halfDays(action, MARCH, schedule, trainees, entries)).containsExactly(
                "Ligne 2 : Anna DUPONT : le 07/03/2026 est un week-end.",
                "Ligne 3 : Anna DUPONT : une demi-journée compte entre 0 et 4 h.",
                "Ligne 3 : Anna DUPONT : le formateur n° 6 n'intervient pas dans cette action.",
                "Ligne 3 : Anna DUPONT : la demi-journée du 03/03/2026 est saisie deux fois.",
                "Ligne 4 : Bruno MARTIN : le 04/03/2026 est en dehors de ses dates de formation.");
        assertThat(MonthDeclarationRules.halfDays(action, MARCH, schedule, trainees, entries.subList(0, 1))).isEmpty();
    }
}
