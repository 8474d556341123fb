package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import java.util.List;

/** Liste des stagiaires, at opening or at closure (seed 003 §3.4 and §3.8). */
public final class TraineeListPdf {

    private TraineeListPdf() {
    }

    public static byte[] render(TrainingAction a, List<Trainee> trainees, boolean atClosure) {
        String moment = atClosure ? "à la fin de l'action" : "à l'ouverture de l'action";
        PdfDocument pdf = Letterhead.start(a, "Liste des stagiaires " + moment + " — contrat n° " + a.getContractNumber(), "Liste des stagiaires")
                .title("Liste des stagiaires " + moment)
                .paragraph(Letterhead.action(a));
        pdf.table(List.of(new PdfDocument.Column("Nom", 2, false), new PdfDocument.Column("Prénom", 2, false),
                        new PdfDocument.Column("Né(e) le", 1.3f, false), new PdfDocument.Column("Entrée", 1.3f, false),
                        new PdfDocument.Column("Sortie", 1.3f, false), new PdfDocument.Column("Rémunéré", 1, false),
                        new PdfDocument.Column(atClosure ? "Motif de sortie" : "Prescripteur", 2.5f, false)),
                trainees.stream().map(t -> List.of(t.getLastName(), t.getFirstName(), French.date(t.getBirthDate()), French.date(t.getEntryDate()),
                        t.getExitDate() == null ? "" : French.date(t.getExitDate()), t.isPaid() ? "oui" : "non",
                        atClosure ? exit(t) : t.getPrescriber())).toList());
        pdf.paragraph(trainees.size() + " stagiaire(s) — effectif prévu : " + a.getTotalTrainees() + ", dont " + a.getPaidTrainees() + " rémunérés.");
        return pdf.toBytes();
    }

    private static String exit(Trainee t) {
        if (t.getExitType() == null) {
            return "";
        }
        return "EARLY_EXIT".equals(t.getExitType())
                ? "Sortie anticipée : " + fr.formaflow.attendance.EarlyExitReasons.LABELS.getOrDefault(t.getEarlyExitReason(), t.getEarlyExitReason())
                : "Fin de formation";
    }
}
