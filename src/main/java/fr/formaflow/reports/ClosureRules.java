package fr.formaflow.reports;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.SurveyAnswers;
import fr.formaflow.trainee.Trainee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of "Clôturer l'action", plain Java, checked before anything is written: every trainee has exited and
 * answered the exit survey, the real end date is the planned one (otherwise an amendment is asked for) and not before
 * the real start, and the pedagogical report is written and completed. It lives in {@code reports}, the capability
 * that owns the pedagogical report and sees the dossier and its trainees.
 */
public final class ClosureRules {

    /** A trainee and the exit survey submitted for them (null codes when none was): codes of {@link SurveyAnswers}. */
    public record TraineeExit(Trainee trainee, String situation, String contract) {
    }

    private ClosureRules() {
    }

    /**
     * Checks the closure of the action with its trainees and returns the exit survey answers to record, by trainee;
     * throws one French BusinessRuleException listing every broken rule.
     */
    public static Map<Trainee, SurveyAnswers.Answer> require(TrainingAction action, LocalDate realEnd, String pedagogicalReport,
                                                             List<TraineeExit> exits) {
        List<String> problems = new ArrayList<>();
        exits.stream().map(TraineeExit::trainee).filter(t -> !t.hasExited()).forEach(t -> problems.add(t.fullName()
                + " n'est pas sorti(e) de formation : indiquez sa date de sortie dans la dernière déclaration mensuelle."));
        Map<Trainee, SurveyAnswers.Answer> answers = new LinkedHashMap<>();
        for (TraineeExit exit : exits) {
            SurveyAnswers.Answer answer = SurveyAnswers.check(exit.trainee().fullName() + " (enquête à la sortie)", exit.situation(),
                    exit.contract(), problems);
            if (answer != null) {
                answers.put(exit.trainee(), answer);
            }
        }
        if (pedagogicalReport != null && !pedagogicalReport.isBlank() && !PedagogicalReport.isCompleted(pedagogicalReport)) {
            problems.add("Complétez le bilan pédagogique : écrivez votre appréciation après « " + PedagogicalReport.ASSESSMENT + " ».");
        }
        problems.addAll(endDate(action, realEnd));
        if (pedagogicalReport == null || pedagogicalReport.isBlank()) {
            problems.add("Le champ « Bilan pédagogique » est obligatoire.");
        }
        BusinessRuleException.throwIfAny("L'action ne peut pas être clôturée :", problems);
        return answers;
    }

    private static List<String> endDate(TrainingAction action, LocalDate realEnd) {
        if (realEnd == null) {
            return List.of("Le champ « Date de fin réelle » est obligatoire.");
        }
        if (action.getRealStart() != null && realEnd.isBefore(action.getRealStart())) {
            return List.of("La date de fin réelle ne peut pas précéder la date de début réelle (" + French.date(action.getRealStart()) + ").");
        }
        if (!realEnd.equals(action.getPlannedEnd())) {
            return List.of("La date de fin réelle (" + French.date(realEnd) + ") diffère de la date de fin prévue ("
                    + French.date(action.getPlannedEnd()) + "). Demandez un avenant au financeur en cochant « Demander un avenant sur la "
                    + "date de fin prévue ».");
        }
        return List.of();
    }
}
