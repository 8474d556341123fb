package fr.formaflow.documents;

import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainer.Trainer;
import java.util.List;
import java.util.Map;

/** Liste des formateurs (seed 003 §3.3): name, domain, hours, status, training and experience. */
public final class TrainerListPdf {

    private TrainerListPdf() {
    }

    public static byte[] render(TrainingAction a, Map<Long, Trainer> trainers, boolean atClosure) {
        String moment = atClosure ? "à la fin de l'action" : "à l'ouverture de l'action";
        PdfDocument pdf = Letterhead.start(a, "Liste des formateurs " + moment + " — contrat n° " + a.getContractNumber(), "Liste des formateurs")
                .title("Liste des formateurs " + moment)
                .paragraph(Letterhead.action(a));
        pdf.table(List.of(new PdfDocument.Column("Nom", 2, false), new PdfDocument.Column("Prénom", 2, false),
                        new PdfDocument.Column("Domaine d'intervention", 2.5f, false), new PdfDocument.Column("Heures assurées", 1.2f, true),
                        new PdfDocument.Column("Statut", 1.2f, false), new PdfDocument.Column("Formation et expérience", 3, false)),
                a.getTrainers().stream().map((TrainerAssignment assignment) -> {
                    Trainer t = trainers.get(assignment.trainerId());
                    return List.of(t.getLastName(), t.getFirstName(), t.getDomain(), French.hours(assignment.hours()),
                            t.getStatus() == null ? "" : t.getStatus(), t.getExperience() == null ? "" : t.getExperience());
                }).toList());
        return pdf.toBytes();
    }
}
