package fr.formaflow.trainee;

import fr.formaflow.platform.BusinessRuleException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of "Saisir les évaluations", plain Java, checked before anything is written: every trainee's skills
 * validation is given, and at least one trainer has sent their evaluation; and the rules of an evaluation sent through
 * a single-use link.
 */
public final class EvaluationRules {

    /** One trainee's evaluation as submitted (a null result when none was). */
    public record TraineeEvaluation(Trainee trainee, String result, Integer satisfaction, String comment) {
    }

    private EvaluationRules() {
    }

    /** A trainee rates the training from 1 to 5 and may comment; a trainer writes their evaluation. */
    public static List<String> answerProblems(EvaluationLink.Kind kind, Integer satisfaction, String comment) {
        List<String> problems = new ArrayList<>();
        if (kind == EvaluationLink.Kind.TRAINEE && (satisfaction == null || satisfaction < 1 || satisfaction > 5)) {
            problems.add("Choisissez une note de 1 (pas du tout satisfait) à 5 (très satisfait).");
        }
        if (kind == EvaluationLink.Kind.TRAINER && (comment == null || comment.isBlank())) {
            problems.add("Écrivez votre évaluation de la formation.");
        }
        int max = kind == EvaluationLink.Kind.TRAINEE ? MAX_COMMENT : MAX_EVALUATION;
        if (comment != null && comment.strip().length() > max) {
            problems.add("Le texte dépasse " + max + " caractères.");
        }
        return problems;
    }

    static final int MAX_COMMENT = 1000;
    static final int MAX_EVALUATION = 3000;

    public static void require(List<TraineeEvaluation> evaluations, String trainerEvaluation) {
        List<String> problems = new ArrayList<>();
        evaluations.stream().filter(e -> e.result() == null)
                .forEach(e -> problems.add(e.trainee().fullName() + " : la validation des acquis est obligatoire."));
        if (trainerEvaluation == null || trainerEvaluation.isBlank()) {
            problems.add("Aucun formateur n'a encore envoyé son évaluation : envoyez-leur leur lien d'évaluation depuis la page du dossier.");
        }
        BusinessRuleException.throwIfAny("Les évaluations ne peuvent pas être transmises :", problems);
    }
}
