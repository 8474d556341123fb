package fr.formaflow.trainee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rules of a trainee's exit, on values already loaded: no Spring, no database. */
class ExitRulesTest {

    private final Trainee anna = trainee();

    private static Trainee trainee() {
        Trainee trainee = new Trainee(7L);
        trainee.update(new TraineeRecord(null, "Mme", "Dupont", "Anna", LocalDate.of(1990, 1, 1), "F", "FR", null, "1 rue", "34000",
                "Montpellier", null, LocalDate.of(2026, 1, 5), "France Travail", "3", "26-44", "moins d'un an", "France Travail", false,
                false, true, BigDecimal.TEN, BigDecimal.ONE, null, false));
        return trainee;
    }

    @Test
    void anExitHasAKnownTypeADateNotBeforeTheEntryAndTheReasonOfAnEarlyExit() {
        assertThat(ExitRules.problems(anna, LocalDate.of(2026, 1, 2), "PARTIE", null)).containsExactly(
                "Anna DUPONT : le type de sortie « PARTIE » n'est pas reconnu.",
                "Anna DUPONT : précisez s'il s'agit de la fin de la formation ou d'une sortie anticipée.",
                "Anna DUPONT : la date de sortie (02/01/2026) précède la date d'entrée (05/01/2026).");
        assertThat(ExitRules.problems(anna, null, "EARLY_EXIT", " ")).containsExactly(
                "Anna DUPONT : indiquez la date de sortie.",
                "Anna DUPONT : le motif de la sortie anticipée est obligatoire.");
    }

    @Test
    void noExitOrACompleteOnePasses() {
        assertThat(ExitRules.problems(anna, null, null, null)).isEmpty();
        assertThat(ExitRules.problems(anna, LocalDate.of(2026, 2, 27), "END_OF_TRAINING", null)).isEmpty();
        assertThat(ExitRules.type("EARLY_EXIT")).isEqualTo(ExitRules.ExitType.EARLY_EXIT);
        assertThat(ExitRules.type("PARTIE")).isNull();
    }
}
