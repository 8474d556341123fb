package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    static Programme valid() {
        return new Programme("Accessoiriste", "Objectifs", "Programme", "45054", TrainingNature.ACTION_DE_FORMATION, true,
                new BigDecimal("140"), new BigDecimal("70"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 27), "Montpellier",
                12, 10, 1_176_000L, 84_000L, 700L, 100L,
                List.of(new Period(Place.CENTRE, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 13))),
                List.of(new ClientCompany("Théâtre", "77566820500013", null, null, null)));
    }

    @Test
    void aCompleteProgrammeHasNoProblem() {
        assertThat(valid().problems()).isEmpty();
    }

    @Test
    void everyMissingFieldIsNamed() {
        Programme empty = new Programme(null, " ", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, List.of(), List.of());
        assertThat(empty.problems()).contains(
                "Le champ « Intitulé » est obligatoire.", "Le champ « Objectifs » est obligatoire.",
                "Le champ « Formacode » est obligatoire.", "Le champ « Date de début prévue » est obligatoire.",
                "Le champ « Effectif rémunéré » est obligatoire.", "Le champ « Coût unitaire en entreprise » est obligatoire.",
                "Au moins une période en centre est obligatoire.", "Au moins un client est obligatoire.");
    }

    @Test
    void capacityDatesCodesAndSiretsAreChecked() {
        Programme p = valid();
        Programme wrong = new Programme(p.title(), p.objectives(), p.content(), "4505", p.nature(), p.collective(), p.hoursCentre(),
                p.hoursCompany(), p.plannedStart(), LocalDate.of(2025, 12, 31), p.location(), 10, 11, p.priceCentreCents(),
                p.priceCompanyCents(), -1L, p.unitCostCompanyCents(),
                List.of(new Period(Place.CENTRE, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 13))),
                List.of(new ClientCompany("Théâtre", "77566820500014", null, null, null)));
        assertThat(wrong.problems()).contains(
                "Le Formacode « 4505 » doit comporter 5 chiffres.",
                "La date de fin prévue doit suivre la date de début prévue.",
                "L'effectif rémunéré (11) doit être compris entre 0 et l'effectif total (10).",
                "Les prix et coûts unitaires ne peuvent pas être négatifs.",
                "Client 1 : Le numéro SIRET « 77566820500014 » est invalide (clé de contrôle incorrecte).");
        assertThat(wrong.problems()).anyMatch(problem -> problem.startsWith("Période 1 : elle doit se situer entre"));
    }
}
