package fr.formaflow.attendance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The teacher ↔ pedagogical-unit check of seed 001 (Formiris): an attendance certificate names each teacher with the
 * pedagogical unit (« unité pédagogique », UE) they come from, and is refused for every pair the funder's register of
 * assignments does not hold, with the seed's own message « Aucune affectation trouvée pour l'enseignant "123456" dans
 * l'unité pédagogique "1234" » and where to ask. Plain Java.
 */
public final class AssignmentCheck {

    /** A teacher, by number, in a pedagogical unit, by code. */
    public record Assignment(String teacherNumber, String unitCode) {

        public Assignment {
            teacherNumber = teacherNumber == null ? null : teacherNumber.strip();
            unitCode = unitCode == null ? null : unitCode.strip();
        }
    }

    private AssignmentCheck() {
    }

    /**
     * One sentence per pair of {@code named} absent from {@code register} (each pair once, in the order named); pairs with
     * a blank number or code are left to the certificate's own rules.
     */
    public static List<String> problems(List<Assignment> named, Set<Assignment> register, String funderName) {
        List<String> problems = new ArrayList<>();
        for (Assignment pair : new LinkedHashSet<>(named)) {
            if (pair.teacherNumber() == null || pair.teacherNumber().isEmpty() || pair.unitCode() == null || pair.unitCode().isEmpty()) {
                continue;
            }
            if (!register.contains(pair)) {
                problems.add(message(pair, funderName));
            }
        }
        return problems;
    }

    static String message(Assignment pair, String funderName) {
        return "Erreur : aucune affectation trouvée pour l'enseignant \"" + pair.teacherNumber() + "\" dans l'unité pédagogique \""
                + pair.unitCode() + "\". Vérifiez le numéro de l'enseignant et le code de l'unité pédagogique ; s'ils sont justes, "
                + "contactez l'Assistance " + funderName + ".";
    }
}
