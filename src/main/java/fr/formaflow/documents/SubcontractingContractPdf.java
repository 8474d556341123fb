package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Contrat de sous-traitance between the titular organisation and one of its subcontractors, for one action. */
public final class SubcontractingContractPdf {

    private SubcontractingContractPdf() {
    }

    static long share(TrainingAction a, BigDecimal hours) {
        if (a.getHoursCentre() == null || a.getHoursCentre().signum() == 0 || a.getPriceCentreCents() == null) {
            return 0;
        }
        return BigDecimal.valueOf(a.getPriceCentreCents()).multiply(hours).divide(a.getHoursCentre(), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * hours: the centre hours the subcontractor's trainers take on in the dossier; the price is that share of the
     * action's centre price, to the cent.
     */
    public static byte[] render(TrainingAction a, Organisation subcontractor, BigDecimal hours) {
        long priceCents = share(a, hours);
        Organisation titular = a.getOrganisation();
        PdfDocument pdf = new PdfDocument("Contrat de sous-traitance — " + subcontractor.getName() + " — contrat n° " + a.getContractNumber(),
                        "Contrat de sous-traitance")
                .header(Letterhead.organisation(titular), Letterhead.organisation(subcontractor))
                .title("Contrat de sous-traitance de formation")
                .heading("Entre les soussignés")
                .paragraph(titular.getName() + ", SIRET " + Siret.of(titular.getSiret()).formatted() + ", déclaration d'activité n° "
                        + titular.getNda() + ", titulaire de l'action, ci-après le titulaire,")
                .paragraph("et " + subcontractor.getName() + ", SIRET " + Siret.of(subcontractor.getSiret()).formatted()
                        + ", déclaration d'activité n° " + subcontractor.getNda() + ", ci-après le sous-traitant.")
                .heading("Article 1 — Objet")
                .paragraph("Le titulaire confie au sous-traitant la réalisation d'une partie de l'action « " + a.getTitle() + " » (contrat n° "
                        + a.getContractNumber() + ", financée par " + a.getFunder().getName() + "), du " + French.date(Letterhead.start(a))
                        + " au " + French.date(Letterhead.end(a)) + ", à " + a.getLocation() + ".")
                .heading("Article 2 — Volume et prix")
                .paragraph(hours.signum() == 0
                        ? "Aucun formateur du sous-traitant n'est encore déclaré dans le dossier : le volume d'heures et le prix sous-traités "
                        + "seront fixés par avenant."
                        : "Le sous-traitant assure " + French.hours(hours) + " de formation en centre, sur les " + French.hours(a.getHoursCentre())
                        + " du programme, pour un prix de " + French.euros(priceCents) + " HT, soit la part de ces heures dans le prix de "
                        + "l'action en centre (" + French.euros(a.getPriceCentreCents()) + " HT).")
                .heading("Article 3 — Obligations du sous-traitant")
                .paragraph("Le sous-traitant respecte le programme, les objectifs et le cahier des charges du financeur ; il fait émarger "
                        + "les stagiaires par demi-journée, tient à disposition les feuilles d'émargement et justificatifs, et permet au "
                        + "titulaire et au financeur de contrôler la réalisation.")
                .heading("Article 4 — Facturation")
                .paragraph("Le sous-traitant facture au financeur les heures qu'il a réalisées ; le titulaire enregistre chacune de ses "
                        + "factures dans Formaflow et la déduit de sa prochaine facture, qui porte la mention « Dont … € pour "
                        + subcontractor.getName().toUpperCase() + " ».")
                .heading("Article 5 — Responsabilité")
                .paragraph("Le titulaire reste seul responsable de l'exécution de l'action à l'égard du financeur.")
                .space(10)
                .paragraph("Fait en deux exemplaires. Pour le titulaire :                    Pour le sous-traitant :");
        Letterhead.ndaMention(pdf, titular);
        return pdf.toBytes();
    }
}
