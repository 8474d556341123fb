package fr.formaflow.trainee;

import fr.formaflow.platform.BusinessRuleException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of "Saisir les évaluations", plain Java, checked before anything is written: every trainee's skills
 * validation is given, and the trainers' evaluation is written.
 */
public final class EvaluationRules {

    /** One trainee's evaluation as submitted (a null result when none was). */
    public record TraineeEvaluation(Trainee trainee, String result, Integer satisfaction, String comment) {
    }

    private EvaluationRules() {
    }

    public static void require(List<TraineeEvaluation> evaluations, String trainerEvaluation) {
        List<String> problems = new ArrayList<>();
        evaluations.stream().filter(e -> e.result() == null)
                .forEach(e -> problems.add(e.trainee().fullName() + " : la validation des acquis est obligatoire."));
        if (trainerEvaluation == null || trainerEvaluation.isBlank()) {
            problems.add("Le champ « Évaluation des formateurs » est obligatoire.");
        }
        BusinessRuleException.throwIfAny("Les évaluations ne peuvent pas être transmises :", problems);
    }
}
