package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.attendance.AssignmentCheck.Assignment;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seed 001: « Erreur Aucune affectation trouvée pour l'enseignant "123456" dans l'unité pédagogique "1234" ». */
class AssignmentCheckTest {

    static final Set<Assignment> REGISTER = Set.of(new Assignment("123456", "1234"), new Assignment("123456", "5678"),
            new Assignment("654321", "1234"));

    @Test
    void aTeacherAssignedToTheUnitPasses() {
        assertThat(AssignmentCheck.problems(List.of(new Assignment(" 123456 ", "5678"), new Assignment("654321", "1234")), REGISTER,
                "Formiris")).isEmpty();
    }

    @Test
    void aTeacherInAUnitTheyAreNotAssignedToIsRefusedWithTheSeedsMessage() {
        assertThat(AssignmentCheck.problems(List.of(new Assignment("654321", "5678"), new Assignment("999999", "1234"),
                new Assignment("654321", "5678")), REGISTER, "Formiris")).containsExactly(
                "Erreur : aucune affectation trouvée pour l'enseignant \"654321\" dans l'unité pédagogique \"5678\". Vérifiez le numéro "
                        + "de l'enseignant et le code de l'unité pédagogique ; s'ils sont justes, contactez l'Assistance Formiris.",
                "Erreur : aucune affectation trouvée pour l'enseignant \"999999\" dans l'unité pédagogique \"1234\". Vérifiez le numéro "
                        + "de l'enseignant et le code de l'unité pédagogique ; s'ils sont justes, contactez l'Assistance Formiris.");
    }

    @Test
    void anEmptyRegisterRefusesEveryoneAndBlanksAreLeftToTheCertificatesRules() {
        assertThat(AssignmentCheck.problems(List.of(new Assignment("123456", "1234"), new Assignment(null, "1234"), new Assignment("1", " ")),
                Set.of(), "Formiris")).hasSize(1).first().asString().contains("\"123456\"", "\"1234\"");
    }
}
