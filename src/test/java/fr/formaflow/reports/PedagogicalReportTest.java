package fr.formaflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.attendance.HourLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PedagogicalReportTest {

    static HourLine hours(String completed, String justified, String unjustified) {
        return new HourLine(1, new BigDecimal(completed), new BigDecimal(justified), new BigDecimal(unjustified), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void theFiguresComeFromTheTraineesRecords() {
        PedagogicalReport report = PedagogicalReport.of(3, List.of(
                new PedagogicalReport.TraineeFacts("END_OF_TRAINING", null, "JOB_IN_SECTOR", new BigDecimal("210"), hours("200", "7", "3")),
                new PedagogicalReport.TraineeFacts("EARLY_EXIT", "EMPLOYMENT", "JOB_OTHER_SECTOR", new BigDecimal("210"), hours("35", "0", "0")),
                new PedagogicalReport.TraineeFacts("EARLY_EXIT", "HEALTH", null, new BigDecimal("105"), hours("10,5".replace(',', '.'), "0", "0"))));
        assertThat(report.completed()).isEqualTo(1);
        assertThat(report.earlyExits()).isEqualTo(2);
        assertThat(report.figures()).contains("3 prévu(s), 3 entré(s), 1 sorti(s) en fin de formation, 2 sortie(s) anticipée(s).",
                "  - Accès à l'emploi : 1", "  - Raisons de santé : 1",
                "Heures : 525 h prévues, 245,5 h réalisées, 7 h d'absences justifiées, 3 h d'absences non justifiées.",
                "Situation à la sortie (2 réponse(s)) :", "  - Emploi dans le secteur de la formation : 1", "  - Emploi dans un autre secteur : 1");
    }

    @Test
    void theOrganisationMustAddItsAssessment() {
        String draft = PedagogicalReport.of(0, List.of()).draft();
        assertThat(PedagogicalReport.isCompleted(draft)).isFalse();
        assertThat(PedagogicalReport.isCompleted(draft + "   \n")).isFalse();
        assertThat(PedagogicalReport.isCompleted(draft + "Objectifs atteints.")).isTrue();
        assertThat(PedagogicalReport.isCompleted("Un bilan entièrement rédigé par l'organisme.")).isTrue();
        assertThat(PedagogicalReport.isCompleted(" ")).isFalse();
    }
}
