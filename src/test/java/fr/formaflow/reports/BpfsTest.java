package fr.formaflow.reports;

import static fr.formaflow.documents.DocumentFixtures.trainee;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.Programme;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingNature;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.organisation.Organisation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a dossier's products and trainees go in the BPF: by its funder's scheme, its nature and each trainee's record. */
class BpfsTest {

    static final LocalDate START = LocalDate.of(2026, 1, 5), END = LocalDate.of(2026, 2, 27);

    @Test
    void productsGoToTheLineOfTheirFunderAndNature() {
        assertThat(Bpfs.originOf(action(FundingScheme.REGION_MARKET, TrainingNature.ACTION_DE_FORMATION))).isEqualTo(Bpf.Origin.REGIONS);
        assertThat(Bpfs.originOf(action(FundingScheme.OPCO, TrainingNature.ACTION_DE_FORMATION))).isEqualTo(Bpf.Origin.OPCO_SKILLS_PLAN);
        assertThat(Bpfs.originOf(action(FundingScheme.OPCO, TrainingNature.APPRENTISSAGE))).isEqualTo(Bpf.Origin.OPCO_APPRENTICESHIP);
        assertThat(Bpfs.originOf(action(FundingScheme.FORMIRIS, TrainingNature.ACTION_DE_FORMATION))).isEqualTo(Bpf.Origin.OPCO_SKILLS_PLAN);
        assertThat(Bpfs.originOf(action(FundingScheme.PORTAGE, TrainingNature.ACTION_DE_FORMATION)))
                .as("in portage the organisation invoices the platform, another training organisation")
                .isEqualTo(Bpf.Origin.TRAINING_ORGANISATIONS);
    }

    @Test
    void traineesGoToTheLineOfTheirRecordAndTheirDossier() {
        TrainingAction region = action(FundingScheme.REGION_MARKET, TrainingNature.ACTION_DE_FORMATION);
        TrainingAction opco = action(FundingScheme.OPCO, TrainingNature.ACTION_DE_FORMATION);
        assertThat(Bpfs.typeOf(trainee("Martin", "Anna", "UNDER_6_MONTHS"), region)).isEqualTo(Bpf.TraineeType.JOBSEEKER);
        assertThat(Bpfs.typeOf(trainee("Martin", "Anna", "NONE"), region)).isEqualTo(Bpf.TraineeType.OTHER);
        assertThat(Bpfs.typeOf(trainee("Martin", "Anna", "NONE"), opco)).isEqualTo(Bpf.TraineeType.EMPLOYEE);
        assertThat(Bpfs.typeOf(trainee("Martin", "Anna", null), action(FundingScheme.PORTAGE, TrainingNature.ACTION_DE_FORMATION)))
                .isEqualTo(Bpf.TraineeType.EMPLOYEE);
        assertThat(Bpfs.typeOf(trainee("Martin", "Anna", "NONE"), action(FundingScheme.OPCO, TrainingNature.APPRENTISSAGE)))
                .isEqualTo(Bpf.TraineeType.APPRENTICE);
        assertThat(Bpfs.objectiveOf(action(FundingScheme.OPCO, TrainingNature.BILAN_DE_COMPETENCES))).isEqualTo(Bpf.Objective.SKILLS_ASSESSMENT);
        assertThat(Bpfs.objectiveOf(action(FundingScheme.OPCO, TrainingNature.VAE))).isEqualTo(Bpf.Objective.VAE);
        assertThat(Bpfs.objectiveOf(region)).isEqualTo(Bpf.Objective.TRAINING);
    }

    @Test
    void aPersonIsTheSameAcrossDossiersByNamesAndBirthDate() {
        assertThat(Bpfs.person(trainee(" Martin ", "anna", "NONE"))).isEqualTo(Bpfs.person(trainee("MARTIN", "Anna ", "UNDER_6_MONTHS")));
        assertThat(Bpfs.person(trainee("Martin", "Anne", "NONE"))).isNotEqualTo(Bpfs.person(trainee("Martin", "Anna", "NONE")));
    }

    static TrainingAction action(FundingScheme scheme, TrainingNature nature) {
        Organisation organisation = new Organisation("51234567900017", "Scènes et Formations", "76340123434");
        TrainingAction action = new TrainingAction("2026QCA0001", new Funder("F" + scheme.ordinal(), "Financeur", scheme, "F"), organisation,
                "Accessoiriste de spectacle", 2026, LocalDateTime.of(2025, 12, 1, 9, 0));
        action.submit(new Programme("Accessoiriste de spectacle", "Maîtriser la fabrication des accessoires", "Module 1", "45054", nature, true,
                        new BigDecimal("140"), new BigDecimal("70"), START, END, "Clermont-l'Hérault", 12, 10, 294_000L, 7_000L, 700L, 100L,
                        List.of(new Period(Place.CENTRE, START, LocalDate.of(2026, 2, 13)), new Period(Place.COMPANY, LocalDate.of(2026, 2, 16), END)),
                        List.of(new ClientCompany("Théâtre des Treize Vents", "77566820500013", "Montpellier", "compta@13vents.fr", null))),
                List.of(new TrainerAssignment(1L, new BigDecimal("100"))));
        return action;
    }
}
