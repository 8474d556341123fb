package fr.formaflow.documents;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.dossier.Programme;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingNature;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.funder.PaymentMode;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeRecord;
import fr.formaflow.trainer.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** An action built in memory, with its organisation, funder, trainees and trainers, for the documents' unit tests. */
public final class DocumentFixtures {

    static final LocalDate START = LocalDate.of(2026, 1, 5), END = LocalDate.of(2026, 2, 27);

    private DocumentFixtures() {
    }

    static Organisation organisation(boolean vatLiable) {
        return new Organisation("51234567900017", "Scènes et Formations", "76340123434")
                .address("12 rue de l'Arc", "34800", "Clermont-l'Hérault")
                .contact("Claire Martin", "contact@scenes-formations.fr", "04 67 00 00 00")
                .status(true, false, true, vatLiable)
                .registeredIn("Occitanie", "Hérault");
    }

    static Funder funder() {
        return new Funder("REGION", "Région Occitanie", FundingScheme.REGION_MARKET, "R").address("23000003200012",
                "201 avenue de la Pompignane", "34064", "Montpellier");
    }

    /** Seed 000's portage platform: the training organisation that contracts with and invoices the client. */
    static Funder portagePlatform() {
        return new Funder("PORTAGE", "Portage Formation Sud", FundingScheme.PORTAGE, "PFS")
                .address("81234567600017", "5 boulevard du Jeu de Paume", "34000", "Montpellier")
                .activityDeclaration("76341234534", "Occitanie");
    }

    static TrainingAction action(boolean vatLiable) {
        return action(funder(), vatLiable);
    }

    static TrainingAction action(Funder funder, boolean vatLiable) {
        TrainingAction action = new TrainingAction("2026QCA0001", funder, organisation(vatLiable), "Accessoiriste de spectacle", 2026,
                LocalDateTime.of(2025, 12, 1, 9, 0));
        action.submit(new Programme("Accessoiriste de spectacle", "Maîtriser la fabrication des accessoires", "Module 1 : matériaux ; "
                        + "module 2 : fabrication", "45054", TrainingNature.ACTION_DE_FORMATION, true, new BigDecimal("140"), new BigDecimal("70"),
                START, END, "Clermont-l'Hérault", 12, 10, 294_000L, 7_000L, 700L, 100L,
                List.of(new Period(Place.CENTRE, START, LocalDate.of(2026, 2, 13)), new Period(Place.COMPANY, LocalDate.of(2026, 2, 16), END)),
                List.of(new ClientCompany("Théâtre des Treize Vents", "77566820500013", "Domaine de Grammont, 34000 Montpellier",
                        "compta@13vents.fr", null))),
                List.of(new TrainerAssignment(1L, new BigDecimal("100")), new TrainerAssignment(2L, new BigDecimal("40"))));
        return action;
    }

    static FunderRules rules() {
        return new FunderRules(false, Set.of(PaymentMode.MONTHLY), List.of(new BigDecimal("30"), new BigDecimal("60"), new BigDecimal("80")),
                15, 30, false, Set.of(), "", false, BigDecimal.ZERO, false, false);
    }

    static Map<Long, Trainer> trainers() {
        Trainer rocher = new Trainer(1L, "Rocher", "Yves");
        rocher.update("y.rocher@example.fr", "Accessoires", Trainer.Status.VACATAIRE, "12 ans d'atelier");
        Trainer dupont = new Trainer(1L, "Dupont", "Léa");
        dupont.update("l.dupont@example.fr", "Sécurité", Trainer.Status.CDD, "Formatrice SST");
        Map<Long, Trainer> trainers = new LinkedHashMap<>();
        trainers.put(1L, rocher);
        trainers.put(2L, dupont);
        return trainers;
    }

    /** unemployment: "NONE" for an employee, a duration for a job seeker. */
    public static Trainee trainee(String lastName, String firstName, String unemployment) {
        Trainee t = new Trainee(1L);
        t.update(new TraineeRecord(null, "F", lastName, firstName, LocalDate.of(1991, 3, 11), "F", "FR", null, "3 rue Basse", "34000",
                "Montpellier", null, START, "France Travail", "4", "FROM_26_TO_44", unemployment, "France Travail", false, false, true,
                null, null, null, false));
        return t;
    }

    /** The text of a PDF; the PDF is also left in target/documents/ for a reader to look at. */
    static String text(byte[] pdf) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
            java.nio.file.Files.write(dir.resolve(StackWalker.getInstance().walk(f -> f.skip(1).findFirst()).map(f -> f.getMethodName()).orElse("document")
                    + "-" + Integer.toHexString(java.util.Arrays.hashCode(pdf)) + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
