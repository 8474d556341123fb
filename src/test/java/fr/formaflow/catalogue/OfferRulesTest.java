package fr.formaflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferRulesTest {

    static OfferContent complete() {
        return new OfferContent("Régisseur lumière", "Conduire la lumière d'un spectacle.", "Implantation, conduite, maintenance.",
                List.of(new OfferModule("Implantation", new BigDecimal("70")), new OfferModule("Conduite", new BigDecimal("35"))),
                null, LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 29), "Montpellier", "34000", 12,
                "Retenue lors du vote du 01/12/2025.", LocalDate.of(2025, 12, 1), "Marie Durand", "04 67 96 10 20", null);
    }

    @Test
    void aCompleteOfferHasNoProblem() {
        assertThat(OfferRules.problems(complete())).isEmpty();
    }

    @Test
    void everyMissingFieldIsNamedTabByTabAndEveryInconsistencyAfterwards() {
        OfferContent offer = new OfferContent(" ", null, "Programme", List.of(new OfferModule("Module 1", null), new OfferModule("", BigDecimal.TEN)),
                null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1), null, "3400", -1, null, null, null, null, "marie@");
        assertThat(OfferRules.problems(offer)).containsExactly(
                "Onglet « Description », champs obligatoires non renseignés : intitulé, objectifs.",
                "Onglet « Session », champs obligatoires non renseignés : ville.",
                "Onglet « Financement », champs obligatoires non renseignés : commentaire financement, date du vote du financeur.",
                "Onglet « Inscription », champs obligatoires non renseignés : personne à contacter.",
                "La date de fin de la session précède sa date de début.",
                "Le code postal « 3400 » doit comporter 5 chiffres.",
                "Le nombre de places disponibles ne peut pas être négatif.",
                "L'adresse électronique du contact « marie@ » n'est pas valide.",
                "Module 1 : un stage modulaire indique l'intitulé et la durée (en heures) de chaque module.",
                "Module 2 : un stage modulaire indique l'intitulé et la durée (en heures) de chaque module.");
    }

    @Test
    void theFormacodeHasFiveDigits() {
        assertThat(OfferRules.formacodeProblem("45054")).isNull();
        assertThat(OfferRules.formacodeProblem(null)).isEqualTo("Attribuez le Formacode de l'offre avant de la publier.");
        assertThat(OfferRules.formacodeProblem("4505A")).isEqualTo("Le Formacode « 4505A » doit comporter 5 chiffres.");
    }

    @Test
    void unexplainedAcronymsAreFlaggedForTheValidator() {
        OfferContent offer = new OfferContent("Préparation au CACES R489 et SST",
                "Obtenir le certificat d'aptitude à la conduite en sécurité (CACES).", "Théorie et pratique", List.of(), null,
                null, null, null, null, null, null, null, null, null, null);
        assertThat(OfferRules.unexplainedAcronyms(offer)).containsExactly("R489", "SST");
    }

    @Test
    void townsMatchWithoutAccentsCaseOrHyphens() {
        assertThat(OfferRules.placeKey("Clermont-l'Hérault")).isEqualTo(OfferRules.placeKey("clermont l herault"));
        assertThat(OfferRules.placeKey(" Alès ")).isEqualTo("ALES");
    }
}
