package fr.formaflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.Programme;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingNature;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.trainee.SurveyAnswers;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of "Clôturer l'action", on values already loaded: no Spring, no database. */
class ClosureRulesTest {

    private static final LocalDate PLANNED_END = LocalDate.of(2026, 2, 27);
    private static final String REPORT = PedagogicalReport.ASSESSMENT + " Bonne progression du groupe.";

    private final TrainingAction action = action();
    private final Trainee anna = trainee("Dupont", "Anna");
    private final Trainee bruno = trainee("Martin", "Bruno");

    private static TrainingAction action() {
        TrainingAction action = new TrainingAction("C-2026-1", new fr.formaflow.funder.Funder("OCCITANIE", "Région Occitanie", fr.formaflow.funder.FundingScheme.REGION_MARKET, "QCA"), null, "Accessoiriste", 2026, LocalDateTime.of(2025, 12, 1, 9, 0));
        action.submit(new Programme("Accessoiriste", "Objectifs", "Programme", "45054", TrainingNature.ACTION_DE_FORMATION, true,
                new BigDecimal("140"), new BigDecimal("70"), LocalDate.of(2026, 1, 5), PLANNED_END, "Montpellier",
                12, 10, 1_176_000L, 84_000L, 700L, 100L,
                List.of(new Period(Place.CENTRE, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 13))),
                List.of(new ClientCompany("Théâtre", "77566820500013", null, null, null))), List.of(new TrainerAssignment(1L, BigDecimal.TEN)));
        return action;
    }

    private static Trainee trainee(String lastName, String firstName) {
        Trainee trainee = new Trainee(7L);
        trainee.update(new TraineeRecord(null, "M.", lastName, firstName, LocalDate.of(1990, 1, 1), "F", "FR", null, "1 rue", "34000",
                "Montpellier", null, LocalDate.of(2026, 1, 5), "France Travail", "3", "26-44", "moins d'un an", "France Travail", false,
                false, true, null, null, null, false));
        return trainee;
    }

    @Test
    void everyBrokenRuleIsListedAndNothingIsReturnedToRecord() {
        anna.exit(PLANNED_END, "COMPLETED", null);
        List<ClosureRules.TraineeExit> exits = List.of(new ClosureRules.TraineeExit(anna, "JOB_IN_SECTOR", null),
                new ClosureRules.TraineeExit(bruno, null, null));

        assertThatThrownBy(() -> ClosureRules.require(action, LocalDate.of(2026, 3, 6), PedagogicalReport.ASSESSMENT, exits))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Bruno MARTIN n'est pas sorti(e) de formation : indiquez sa date de sortie dans la dernière "
                        + "déclaration mensuelle.")
                .hasMessageContaining("Anna DUPONT (enquête à la sortie) : le type de contrat est obligatoire pour un emploi.")
                .hasMessageContaining("Bruno MARTIN (enquête à la sortie) : la situation est obligatoire.")
                .hasMessageContaining("Complétez le bilan pédagogique : écrivez votre appréciation après « "
                        + PedagogicalReport.ASSESSMENT + " ».")
                .hasMessageContaining("La date de fin réelle (06/03/2026) diffère de la date de fin prévue (27/02/2026). Demandez un "
                        + "avenant au financeur en cochant « Demander un avenant sur la date de fin prévue ».");
        assertThatThrownBy(() -> ClosureRules.require(action, null, " ", List.of()))
                .hasMessageContaining("Le champ « Date de fin réelle » est obligatoire.")
                .hasMessageContaining("Le champ « Bilan pédagogique » est obligatoire.");
    }

    @Test
    void aClosureOnThePlannedEndReturnsTheExitSurveysToRecord() {
        anna.exit(PLANNED_END, "COMPLETED", null);
        bruno.exit(LocalDate.of(2026, 2, 10), "EARLY", "JOB");

        Map<Trainee, SurveyAnswers.Answer> answers = ClosureRules.require(action, PLANNED_END, REPORT, List.of(
                new ClosureRules.TraineeExit(anna, "JOB_IN_SECTOR", "CDI"), new ClosureRules.TraineeExit(bruno, "OTHER", "CDI")));

        assertThat(answers).containsExactly(Map.entry(anna, new SurveyAnswers.Answer("JOB_IN_SECTOR", "CDI")),
                Map.entry(bruno, new SurveyAnswers.Answer("OTHER", null)));
    }
}
