package fr.formaflow.trainee;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.platform.BusinessRuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of "Saisir les évaluations", on values already loaded: no Spring, no database. */
class EvaluationRulesTest {

    private final Trainee anna = trainee("Dupont", "Anna");
    private final Trainee bruno = trainee("Martin", "Bruno");

    private static Trainee trainee(String lastName, String firstName) {
        Trainee trainee = new Trainee(7L);
        trainee.update(new TraineeRecord(null, "M.", lastName, firstName, LocalDate.of(1990, 1, 1), "F", "FR", null, "1 rue", "34000",
                "Montpellier", null, LocalDate.of(2026, 1, 5), "France Travail", "3", "26-44", "moins d'un an", "France Travail", false,
                false, true, BigDecimal.TEN, BigDecimal.ONE, null, false));
        return trainee;
    }

    @Test
    void everyTraineeWithoutSkillsValidationAndAMissingTrainersEvaluationAreListed() {
        List<EvaluationRules.TraineeEvaluation> evaluations = List.of(new EvaluationRules.TraineeEvaluation(anna, "ACQUIRED", 4, null),
                new EvaluationRules.TraineeEvaluation(bruno, null, null, null));

        assertThatThrownBy(() -> EvaluationRules.require(evaluations, " "))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Les évaluations ne peuvent pas être transmises :")
                .hasMessageContaining("Bruno MARTIN : la validation des acquis est obligatoire.")
                .hasMessageContaining("Aucun formateur n'a encore envoyé son évaluation")
                .message().doesNotContain("Anna DUPONT");
    }

    @Test
    void aTraineeRatesFromOneToFiveAndATrainerWritesSomething() {
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINEE, 5, null)).isEmpty();
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINEE, 1, "Trop rapide.")).isEmpty();
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINEE, 0, null)).singleElement().asString().contains("de 1");
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINEE, 6, null)).hasSize(1);
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINEE, null, "x".repeat(EvaluationRules.MAX_COMMENT + 1))).hasSize(2);
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINER, null, "Groupe attentif.")).isEmpty();
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINER, null, "  ")).singleElement().asString()
                .contains("Écrivez votre évaluation");
        assertThat(EvaluationRules.answerProblems(EvaluationLink.Kind.TRAINER, null, "x".repeat(EvaluationRules.MAX_EVALUATION + 1))).hasSize(1);
    }

    @Test
    void everyTraineeEvaluatedWithTheTrainersEvaluationPasses() {
        assertThatCode(() -> EvaluationRules.require(List.of(new EvaluationRules.TraineeEvaluation(anna, "ACQUIRED", null, null)),
                "Formateurs disponibles")).doesNotThrowAnyException();
    }
}
