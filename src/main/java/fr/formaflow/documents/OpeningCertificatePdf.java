package fr.formaflow.documents;

import fr.formaflow.dossier.MarketReferences;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.util.ArrayList;
import java.util.List;

/**
 * The papers the organisation sends the Région at the opening (seed 003, §3.4, « téléchargeables sous forme de document
 * vierge »): the « certificat administratif d'ouverture » or « de non-ouverture de stage », a form pre-filled with the
 * action and what the organisation declared, to be completed, signed and stamped by its legal representative; and the
 * « bordereau d'envoi » listing what the envelope (or fax) holds.
 */
public final class OpeningCertificatePdf {

    private static final String BLANK = "....................................................";

    private OpeningCertificatePdf() {
    }

    /** « Certificat administratif d'ouverture de stage »: the validated real start and the trainees entered at opening. */
    public static byte[] opening(TrainingAction a, int traineesAtOpening, int paidTraineesAtOpening) {
        PdfDocument pdf = start(a, "Certificat administratif d'ouverture de stage")
                .paragraph("Je soussigné(e) " + BLANK + ", agissant en qualité de " + BLANK + " de l'organisme de formation "
                        + a.getOrganisation().getName() + ",")
                .paragraph("certifie que l'action de formation désignée ci-dessus a ouvert le " + French.date(a.getRealStart())
                        + " (date de début prévue : " + French.date(a.getPlannedStart()) + "), avec " + traineesAtOpening
                        + " stagiaire(s) inscrit(s) à l'ouverture, dont " + paidTraineesAtOpening + " rémunéré(s), conformément à la liste "
                        + "des stagiaires à l'ouverture jointe.")
                .paragraph("Fréquence de paiement des acomptes choisie : " + (a.getPaymentMode() == null ? "—" : a.getPaymentMode().label()) + ".");
        return end(pdf, a);
    }

    /** « Certificat administratif de non-ouverture de stage »: the action does not open, for the reason declared. */
    public static byte[] nonOpening(TrainingAction a) {
        PdfDocument pdf = start(a, "Certificat administratif de non-ouverture de stage")
                .paragraph("Je soussigné(e) " + BLANK + ", agissant en qualité de " + BLANK + " de l'organisme de formation "
                        + a.getOrganisation().getName() + ",")
                .paragraph("certifie que l'action de formation désignée ci-dessus, dont le début était prévu le " + French.date(a.getPlannedStart())
                        + ", n'a pas ouvert. Aucun stagiaire n'y est entré et aucune somme n'est demandée au titre de son exécution.")
                .paragraph("Motif de la non-ouverture déclaré le " + French.date(a.getNotOpenedOn()) + " : " + a.getNotOpenedReason());
        return end(pdf, a);
    }

    /** « Bordereau d'envoi »: the papers the organisation sends with it, one line each, with the number of pages to fill in by hand. */
    public static byte[] sendingSlip(TrainingAction a, List<String> enclosed) {
        PdfDocument pdf = Letterhead.start(a, "Bordereau d'envoi — contrat n° " + a.getContractNumber(), "Bordereau d'envoi")
                .title("Bordereau d'envoi")
                .paragraph("Destinataire : " + a.getFunder().getName() + " — service de gestion administrative et financière de la formation.")
                .paragraph(Letterhead.action(a));
        references(pdf, a);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < enclosed.size(); i++) {
            rows.add(List.of(String.valueOf(i + 1), enclosed.get(i), "", ""));
        }
        pdf.heading("Pièces jointes")
                .table(List.of(new PdfDocument.Column("N°", 0.5f, true), new PdfDocument.Column("Désignation", 5, false),
                        new PdfDocument.Column("Pages", 1, true), new PdfDocument.Column("Observations", 2.5f, false)), rows)
                .space(8)
                .paragraph("Envoyé le " + BLANK + " par " + BLANK + " (courrier ou télécopie).")
                .table(List.of(new PdfDocument.Column("Pour l'organisme : nom, qualité, signature et cachet", 1, false),
                        new PdfDocument.Column("Cadre réservé au financeur : date de réception", 1, false)),
                        List.of(List.of(" \n \n \n \n ", " \n \n \n \n ")));
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }

    private static PdfDocument start(TrainingAction a, String title) {
        PdfDocument pdf = Letterhead.start(a, title + " — contrat n° " + a.getContractNumber(), title)
                .title(title)
                .paragraph(Letterhead.action(a));
        references(pdf, a);
        return pdf;
    }

    /** The Région's own references of the market, when its validator recorded them. */
    private static void references(PdfDocument pdf, TrainingAction a) {
        MarketReferences r = a.getMarketReferences();
        List<String> parts = new ArrayList<>();
        if (r.marketNumber() != null) {
            parts.add("marché n° " + r.marketNumber());
        }
        if (r.operationNumber() != null) {
            parts.add("opération n° " + r.operationNumber());
        }
        if (r.callForProjects() != null) {
            parts.add("appel à projet « " + r.callForProjects() + " »");
        }
        if (!parts.isEmpty()) {
            pdf.paragraph("Références du financeur : " + String.join(", ", parts) + ".");
        }
    }

    private static byte[] end(PdfDocument pdf, TrainingAction a) {
        pdf.space(8)
                .paragraph("Fait à " + BLANK + ", le " + BLANK + ".")
                .table(List.of(new PdfDocument.Column("Nom, qualité, signature du représentant légal et cachet de l'organisme", 1, false),
                        new PdfDocument.Column("Cadre réservé au financeur : visa du service", 1, false)),
                        List.of(List.of(" \n \n \n \n \n ", " \n \n \n \n \n ")))
                .small("Document à compléter, signer et retourner au financeur avec le bordereau d'envoi et les pièces qu'il énumère.");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }
}
