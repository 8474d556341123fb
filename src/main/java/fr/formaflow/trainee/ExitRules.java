package fr.formaflow.trainee;

import fr.formaflow.platform.French;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rules of a trainee's exit, declared with a month, plain Java: a known type (end of training or early exit)
 * with its date, not before the entry, and the reason of an early exit.
 */
public final class ExitRules {

    public enum ExitType { END_OF_TRAINING, EARLY_EXIT }

    private ExitRules() {
    }

    /** Every broken rule of this exit (none when no exit is declared), as French sentences naming the trainee. */
    public static List<String> problems(Trainee trainee, LocalDate exitDate, String exitType, String earlyExitReason) {
        String who = trainee.fullName();
        List<String> problems = new ArrayList<>();
        ExitType type = type(exitType);
        if (exitType != null && type == null) {
            problems.add(who + " : le type de sortie « " + exitType + " » n'est pas reconnu.");
        }
        if (exitDate == null && type != null) {
            problems.add(who + " : indiquez la date de sortie.");
        }
        if (exitDate != null && type == null) {
            problems.add(who + " : précisez s'il s'agit de la fin de la formation ou d'une sortie anticipée.");
        }
        if (exitDate != null && exitDate.isBefore(trainee.getEntryDate())) {
            problems.add(who + " : la date de sortie (" + French.date(exitDate) + ") précède la date d'entrée ("
                    + French.date(trainee.getEntryDate()) + ").");
        }
        if (type == ExitType.EARLY_EXIT && (earlyExitReason == null || earlyExitReason.isBlank())) {
            problems.add(who + " : le motif de la sortie anticipée est obligatoire.");
        }
        return problems;
    }

    /** The exit type of this code, null when there is none or it is unknown. */
    public static ExitType type(String exitType) {
        return Arrays.stream(ExitType.values()).filter(type -> type.name().equals(exitType)).findFirst().orElse(null);
    }
}
