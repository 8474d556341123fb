package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainer.Trainer;
import java.math.BigDecimal;
import java.util.List;

/** Contrat de sous-traitance du formateur: the trainer's mission in the action, to be signed by both parties. */
public final class TrainerContractPdf {

    private TrainerContractPdf() {
    }

    public static byte[] render(TrainingAction a, Trainer t, BigDecimal hours) {
        PdfDocument pdf = new PdfDocument("Contrat de sous-traitance — " + t.fullName() + " — contrat n° " + a.getContractNumber(),
                        "Contrat de sous-traitance du formateur")
                .header(Letterhead.organisation(a.getOrganisation()), List.of(t.getFirstName() + " " + t.getLastName(),
                        "Formateur — " + (t.getStatus() == null ? "statut à préciser" : t.getStatus()),
                        t.getEmail() == null ? "" : t.getEmail()))
                .title("Contrat de sous-traitance de formation")
                .heading("Article 1 — Objet")
                .paragraph(a.getOrganisation().getName() + " confie à " + t.getFirstName() + " " + t.getLastName() + ", qui l'accepte, "
                        + "l'animation d'une partie de l'action « " + a.getTitle() + " » (contrat n° " + a.getContractNumber()
                        + ", financée par " + a.getFunder().getName() + "), dans le domaine : " + t.getDomain() + ".")
                .heading("Article 2 — Volume, dates et lieu")
                .paragraph(French.hours(hours) + " de face-à-face pédagogique, entre le " + French.date(Letterhead.start(a)) + " et le "
                        + French.date(Letterhead.end(a)) + ", à " + a.getLocation() + ", selon le planning remis par l'organisme.")
                .heading("Article 3 — Obligations du formateur")
                .paragraph("Le formateur respecte le programme et les objectifs de l'action, fait signer la feuille d'émargement par "
                        + "chaque stagiaire à chaque demi-journée et la signe lui-même, signale toute absence, et signe la charte du "
                        + "formateur. Il fournit son CV et une copie de sa pièce d'identité.")
                .heading("Article 4 — Rémunération")
                .paragraph("Les heures réellement assurées, attestées par les feuilles d'émargement, sont rémunérées au taux horaire "
                        + "convenu entre les parties, sur facture du formateur.")
                .heading("Article 5 — Confidentialité et données personnelles")
                .paragraph("Le formateur n'utilise les données des stagiaires que pour l'exécution de l'action et ne les communique à aucun tiers.")
                .space(10)
                .paragraph("Fait en deux exemplaires. Pour l'organisme de formation :                    Le formateur :");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }
}
