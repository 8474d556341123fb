package fr.formaflow.trainee;

import static fr.formaflow.trainee.FollowUpSurvey.Kind.ONE_YEAR;
import static fr.formaflow.trainee.FollowUpSurvey.Kind.SIX_MONTHS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyScheduleTest {

    static final LocalDate EXIT = LocalDate.of(2026, 2, 27);

    @Test
    void eachSurveyFollowsTheTraineesOwnExitDate() {
        assertThat(SurveySchedule.surveyDate(EXIT, SIX_MONTHS)).isEqualTo("2026-08-27");
        assertThat(SurveySchedule.reminderDate(EXIT, SIX_MONTHS)).isEqualTo("2026-09-11");
        assertThat(SurveySchedule.deadline(EXIT, ONE_YEAR)).isEqualTo("2027-03-29");
        assertThat(SurveySchedule.status(EXIT, SIX_MONTHS, Set.of(), LocalDate.of(2026, 8, 26))).isEqualTo(SurveySchedule.Status.SCHEDULED);
        assertThat(SurveySchedule.status(EXIT, SIX_MONTHS, Set.of(), LocalDate.of(2026, 8, 27))).isEqualTo(SurveySchedule.Status.DUE);
        assertThat(SurveySchedule.status(EXIT, SIX_MONTHS, Set.of(), LocalDate.of(2026, 9, 26))).isEqualTo(SurveySchedule.Status.DUE);
        assertThat(SurveySchedule.status(EXIT, SIX_MONTHS, Set.of(), LocalDate.of(2026, 9, 27))).isEqualTo(SurveySchedule.Status.OVERDUE);
        assertThat(SurveySchedule.status(EXIT, SIX_MONTHS, Set.of(SIX_MONTHS), LocalDate.of(2027, 1, 1))).isEqualTo(SurveySchedule.Status.ANSWERED);
        assertThat(SurveySchedule.status(null, ONE_YEAR, Set.of(), LocalDate.of(2027, 1, 1))).isEqualTo(SurveySchedule.Status.SCHEDULED);
    }

    @Test
    void answersUseTheIssuesCategoriesAndAContractOnlyForAJob() {
        List<String> problems = new ArrayList<>();
        assertThat(SurveyAnswers.check("A", "JOB_IN_SECTOR", "CDD_OVER_6_MONTHS", problems)).isEqualTo(new SurveyAnswers.Answer("JOB_IN_SECTOR", "CDD_OVER_6_MONTHS"));
        assertThat(SurveyAnswers.check("B", "OTHER", "CDI", problems)).isEqualTo(new SurveyAnswers.Answer("OTHER", null));
        assertThat(problems).isEmpty();
        assertThat(SurveyAnswers.check("C", "JOB_OTHER_SECTOR", null, problems)).isNull();
        assertThat(SurveyAnswers.check("D", "JOB_OTHER_SECTOR", "FREELANCE", problems)).isNull();
        assertThat(SurveyAnswers.check("E", null, null, problems)).isNull();
        assertThat(problems).containsExactly("C : le type de contrat est obligatoire pour un emploi.",
                "D : le type de contrat « FREELANCE » n'existe pas.", "E : la situation est obligatoire.");
        assertThat(SurveyAnswers.SITUATIONS.values()).containsExactly("Emploi dans le secteur de la formation", "Emploi dans un autre secteur",
                "Autre situation");
        assertThat(SurveyAnswers.CONTRACTS.values()).containsExactly("CDI", "CDD de plus de 6 mois", "CDD de moins de 6 mois", "Contrat aidé",
                "Intérim", "Autre contrat");
    }

    @Test
    void theLastOverdueExitSeparatesOverdueSurveysFromTheOthersOnEveryDay() {
        for (LocalDate today = LocalDate.of(2024, 1, 1); today.isBefore(LocalDate.of(2027, 1, 1)); today = today.plusDays(1)) {
            for (FollowUpSurvey.Kind kind : FollowUpSurvey.Kind.values()) {
                LocalDate last = SurveySchedule.lastOverdueExit(kind, today);
                assertThat(SurveySchedule.status(last, kind, Set.of(), today)).as("%s on %s", kind, today).isEqualTo(SurveySchedule.Status.OVERDUE);
                assertThat(SurveySchedule.status(last.minusDays(45), kind, Set.of(), today)).isEqualTo(SurveySchedule.Status.OVERDUE);
                assertThat(SurveySchedule.status(last.plusDays(1), kind, Set.of(), today)).as("%s on %s", kind, today)
                        .isNotEqualTo(SurveySchedule.Status.OVERDUE);
            }
        }
        // a survey six months after 31 August falls on the last day of February: several exits share one deadline
        assertThat(SurveySchedule.lastOverdueExit(SIX_MONTHS, LocalDate.of(2026, 3, 31))).isEqualTo("2025-08-31");
    }
}
