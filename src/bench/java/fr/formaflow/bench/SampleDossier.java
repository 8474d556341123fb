package fr.formaflow.bench;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.Programme;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingNature;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.funder.PaymentMode;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeRecord;
import fr.formaflow.trainer.Trainer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A realistic dossier in memory (30 trainees, 2 trainers, 2 periods), as the benchmarks' input. */
final class SampleDossier {

    final TrainingAction action;
    final List<Trainee> trainees = new ArrayList<>();
    final Map<Long, Trainer> trainers;

    SampleDossier(int traineeCount) {
        Funder funder = new Funder("OCCITANIE", "Région Occitanie", FundingScheme.REGION_MARKET, "QCA")
                .address("23003502400010", "201 avenue de la Pompignane", "34064", "Montpellier");
        Organisation organisation = new Organisation("42110064500017", "Scènes et Formations", "76340123434")
                .address("2 rue Victor Hugo", "34800", "Clermont-l'Hérault")
                .contact("Marie Durand", "contact@scenes-formations.fr", "04 67 96 10 20")
                .status(true, false, true, false)
                .registeredIn("Occitanie", "Hérault");
        action = new TrainingAction("2026QCA0001", funder, organisation, "Accessoiriste de spectacle", 2026, LocalDateTime.of(2025, 12, 1, 9, 0));
        action.submit(new Programme("Accessoiriste de spectacle", "Maîtriser la fabrication et la régie des accessoires de scène.",
                "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h).", "45054", TrainingNature.ACTION_DE_FORMATION, true,
                new BigDecimal("140"), new BigDecimal("70"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 27), "Clermont-l'Hérault",
                traineeCount, traineeCount, 140L * 700 * traineeCount, 70L * 100 * traineeCount, 700L, 100L,
                List.of(new Period(Place.CENTRE, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 13)),
                        new Period(Place.COMPANY, LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 27))),
                List.of(new ClientCompany("Théâtre des Treize Vents", "77566820500013", "Domaine de Grammont, 34000 Montpellier", null, null))),
                List.of(new TrainerAssignment(1L, new BigDecimal("140")), new TrainerAssignment(2L, new BigDecimal("70"))));
        action.open(LocalDate.of(2026, 1, 5), PaymentMode.MONTHLY, Set.of(PaymentMode.MONTHLY));
        for (int i = 0; i < traineeCount; i++) {
            Trainee trainee = new Trainee(1L);
            trainee.update(new TraineeRecord(null, i % 2 == 0 ? "MME" : "M", "Apprenant" + i, "Prénom" + i, LocalDate.of(1990, 1, 1).plusDays(i * 37L),
                    i % 2 == 0 ? "F" : "M", "FR", null, i + " avenue de Toulouse", "34070", "Montpellier", null, LocalDate.of(2026, 1, 5),
                    "Région Occitanie", "4", "UNDER_26", "OVER_12_MONTHS", "Mission locale", false, false, true, null, null, null, false));
            trainee.exit(LocalDate.of(2026, 2, 27), "END_OF_TRAINING", null);
            trainee.validateSkills("ACQUIRED");
            trainee.selfEvaluate(5, null);
            trainees.add(trainee);
        }
        Trainer first = new Trainer(1L, "Rocher", "Yves");
        first.update(null, "Accessoires", Trainer.Status.CDD, "12 ans d'atelier");
        Trainer second = new Trainer(1L, "Meunier", "Jacques");
        second.update(null, "Régie", Trainer.Status.VACATAIRE, "Régisseur plateau");
        trainers = Map.of(1L, first, 2L, second);
    }
}
