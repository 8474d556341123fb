package fr.formaflow.trainee;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The « Définition de parcours » of seed 003 §3.2: every starred field, dates inside the action, periods inside the path. */
class IndividualPathTest {

    static final LocalDate START = LocalDate.of(2026, 1, 5), END = LocalDate.of(2026, 2, 27);

    @Test
    void aCompletePathInsideTheActionHasNoProblem() {
        assertThat(path(START, END, 1, List.of(new Period(Place.CENTRE, START, LocalDate.of(2026, 2, 6)),
                new Period(Place.COMPANY, LocalDate.of(2026, 2, 9), END))).problems("Stagiaire 1", START, END)).isEmpty();
    }

    @Test
    void everyStarredFieldIsNamedAndDatesArePlausible() {
        assertThat(IndividualPath.EMPTY.problems("Stagiaire 1", START, END)).containsExactly(
                "Stagiaire 1 : le champ « Parcours professionnel envisagé » est obligatoire.",
                "Stagiaire 1 : le champ « Nombre de périodes en entreprise » est obligatoire.",
                "Stagiaire 1 : le champ « Modules d'enseignement général » est obligatoire.",
                "Stagiaire 1 : le champ « Modules d'enseignement professionnel » est obligatoire.",
                "Stagiaire 1 : le champ « Objectifs des périodes en entreprise » est obligatoire.",
                "Stagiaire 1 : le champ « Date de début du parcours » est obligatoire.",
                "Stagiaire 1 : le champ « Date de fin du parcours » est obligatoire.");
        assertThat(path(END, START, 0, List.of()).problems("Stagiaire 2", START, END))
                .containsExactly("Stagiaire 2 : la date de fin du parcours précède sa date de début.");
        assertThat(path(START, END.plusDays(1), 0, List.of()).problems("Stagiaire 2", START, END))
                .containsExactly("Stagiaire 2 : le parcours doit se situer entre le début et la fin de l'action.");
        assertThat(path(START, LocalDate.of(2026, 1, 31), 1, List.of(new Period(Place.COMPANY, LocalDate.of(2026, 2, 2), END)))
                .problems("Stagiaire 3", START, END))
                .containsExactly("Stagiaire 3, période 1 du parcours : elle doit se situer entre la date de début et la date de fin du parcours.");
    }

    private static IndividualPath path(LocalDate start, LocalDate end, int companyPeriods, List<Period> periods) {
        return new IndividualPath("Accessoiriste", companyPeriods, periods, "Histoire du spectacle", "Fabrication", "Tenir un plateau",
                start, end);
    }
}
