package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainer.Trainer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The trainer's mission in the action, to be signed by both parties: a subcontracting contract paid on the trainer's
 * invoice for a freelance trainer (vacataire), a mission letter under the employment contract for a salaried trainer
 * (CDI, CDD), who is paid on the payslip and never invoices. The hours are those of the programme the dossier declared.
 */
public final class TrainerContractPdf {

    private TrainerContractPdf() {
    }

    public static byte[] render(TrainingAction a, Trainer t, BigDecimal hours) {
        boolean salaried = isSalaried(t);
        String title = salaried ? "Lettre de mission du formateur salarié" : "Contrat de sous-traitance de formation";
        PdfDocument pdf = new PdfDocument(title + " — " + t.fullName() + " — contrat n° " + a.getContractNumber(), title)
                .header(Letterhead.organisation(a.getOrganisation()), List.of(t.getFirstName() + " " + t.getLastName(),
                        "Formateur — " + (t.getStatus() == null ? "statut à préciser" : t.getStatus()),
                        t.getEmail() == null ? "" : t.getEmail()))
                .title(title)
                .heading("Article 1 — Objet")
                .paragraph(a.getOrganisation().getName() + " confie à " + t.getFirstName() + " " + t.getLastName()
                        + (salaried ? ", salarié(e) de l'organisme en " + t.getStatus() + ", dans le cadre de son contrat de travail, " : ", qui l'accepte, ")
                        + "l'animation d'une partie de l'action « " + a.getTitle() + " » (contrat n° " + a.getContractNumber()
                        + ", financée par " + a.getFunder().getName() + "), dans le domaine : " + t.getDomain() + ".")
                .heading("Article 2 — Volume, dates et lieu")
                .paragraph(French.hours(hours) + " de face-à-face pédagogique, sur les " + French.hours(a.getHoursCentre())
                        + " en centre que compte le programme de l'action, entre le " + French.date(Letterhead.start(a)) + " et le "
                        + French.date(Letterhead.end(a)) + ", à " + Letterhead.venue(a) + ", aux horaires " + HalfDayTimes.DAILY
                        + ", selon le planning remis par l'organisme.")
                .heading("Article 3 — Obligations du formateur")
                .paragraph("Le formateur respecte le programme et les objectifs de l'action, fait signer la feuille d'émargement par "
                        + "chaque stagiaire à chaque demi-journée et la signe lui-même, signale toute absence, et signe la charte du "
                        + "formateur. Il fournit son CV et une copie de sa pièce d'identité.")
                .heading("Article 4 — Rémunération")
                .paragraph(salaried
                        ? "Les heures assurées sont rémunérées selon le contrat de travail du formateur et figurent sur son bulletin de "
                        + "paie ; elles ne donnent lieu à aucune facture."
                        : "Les " + French.hours(hours) + " réellement assurées, attestées par les feuilles d'émargement, sont rémunérées au taux "
                        + "horaire convenu entre les parties, sur facture du formateur, qui déclare exercer en indépendant.")
                .heading("Article 5 — Confidentialité et données personnelles")
                .paragraph("Le formateur n'utilise les données des stagiaires que pour l'exécution de l'action et ne les communique à aucun tiers.")
                .space(10)
                .paragraph("Fait en deux exemplaires. Pour l'organisme de formation :                    Le formateur :");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }

    /** A CDI or CDD trainer is an employee of the organisation: no subcontracting, no invoice. */
    static boolean isSalaried(Trainer t) {
        return Trainer.Status.CDI.name().equals(t.getStatus()) || Trainer.Status.CDD.name().equals(t.getStatus());
    }
}
