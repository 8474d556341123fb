package fr.formaflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The « potentiel de formation »: what is refused when saved, what is required to validate it. */
class TrainingPotentialTest {

    static final TrainingPotential COMPLETE = new TrainingPotential("Centre de formation aux métiers du spectacle vivant.",
            List.of("45054", "45065"), "Théâtre, 12 rue des Arts, 34800 Clermont-l'Hérault", "Locaux de plain-pied, référent handicap.",
            "Marie Durand", "04 67 00 00 00", "inscriptions@scenes-formations.fr", 6);

    @Test
    void aCompleteRecordCanBeValidated() {
        assertThat(COMPLETE.errors()).isEmpty();
        assertThat(COMPLETE.problems()).isEmpty();
    }

    @Test
    void anEmptyRecordNamesEveryMissingFieldInOneSentence() {
        assertThat(TrainingPotential.empty().errors()).isEmpty();
        assertThat(TrainingPotential.empty().problems()).containsExactly("Champs obligatoires non renseignés : présentation de l'organisme, "
                + "domaines de formation (Formacodes), lieux de formation, accessibilité aux personnes handicapées, contact pour les "
                + "inscriptions, téléphone ou adresse électronique pour les inscriptions, nombre de formateurs.");
    }

    @Test
    void aPhoneOrAnEmailIsEnoughToRegister() {
        TrainingPotential phoneOnly = new TrainingPotential(COMPLETE.presentation(), COMPLETE.formacodes(), COMPLETE.sites(),
                COMPLETE.accessibility(), COMPLETE.registrationContact(), "04 67 00 00 00", " ", 6);
        assertThat(phoneOnly.problems()).isEmpty();
    }

    @Test
    void malformedValuesAreRefusedEvenWhenOnlySaved() {
        TrainingPotential bad = new TrainingPotential("x".repeat(3001), List.of("4505", "45054", "45054", "abcde"), null,
                "y".repeat(251), null, null, "pas-une-adresse", 0);
        assertThat(bad.formacodes()).as("duplicates dropped").containsExactly("4505", "45054", "abcde");
        assertThat(bad.errors()).containsExactly("« Présentation de l'organisme » : 3000 caractères au plus.",
                "« Accessibilité aux personnes handicapées » : 250 caractères au plus.",
                "Le Formacode « 4505 » doit comporter 5 chiffres.", "Le Formacode « abcde » doit comporter 5 chiffres.",
                "L'adresse électronique pour les inscriptions « pas-une-adresse » n'est pas valide.",
                "Le nombre de formateurs doit être compris entre 1 et 100 000.");
        TrainingPotential tooMany = new TrainingPotential(null, IntStream.range(0, 26).mapToObj(i -> String.valueOf(45000 + i)).toList(),
                null, null, null, null, null, null);
        assertThat(tooMany.errors()).containsExactly("Indiquez au plus 25 Formacodes de domaines de formation (26 reçus).");
    }

    @Test
    void storedTrimmedWithTheEmailInLowerCase() {
        TrainingPotential typed = new TrainingPotential("  Présentation ", List.of(" 45054 ", ""), " ", null, " Marie ", "", " Inscriptions@Scenes.FR ", 3);
        TrainingPotential stored = typed.trimmed();
        assertThat(stored.presentation()).isEqualTo("Présentation");
        assertThat(stored.formacodes()).containsExactly("45054");
        assertThat(stored.sites()).isNull();
        assertThat(stored.registrationContact()).isEqualTo("Marie");
        assertThat(stored.registrationPhone()).isNull();
        assertThat(stored.registrationEmail()).isEqualTo("inscriptions@scenes.fr");
        assertThat(new FormacodesConverter().convertToEntityAttribute(new FormacodesConverter().convertToDatabaseColumn(stored.formacodes())))
                .containsExactly("45054");
    }
}
