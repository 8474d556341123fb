package fr.formaflow.documents;

import fr.formaflow.organisation.ServiceOffer;
import fr.formaflow.platform.French;
import java.util.List;

/**
 * Formiris' « Proposition d'offre de service » (seed 001) as a PDF: the form the funder sends, then, once the organisation
 * has returned it, the same form with its answers, its status and the decision's reasons. Plain Java.
 */
public final class ServiceOfferPdf {

    private static final String TO_COMPLETE = "(à compléter)";

    private ServiceOfferPdf() {
    }

    public static String filename(ServiceOffer o) {
        return "proposition-offre-de-service-" + o.getId() + ".pdf";
    }

    public static byte[] render(ServiceOffer o) {
        String funder = o.getFunder().getName();
        PdfDocument pdf = new PdfDocument("Proposition d'offre de service n° " + o.getId() + " — " + o.getOrganisation().getName(),
                "Proposition d'offre de service")
                .header(Letterhead.funder(o.getFunder()), Letterhead.organisation(o.getOrganisation()))
                .title("Proposition d'offre de service n° " + o.getId())
                .paragraph("Envoyée le " + French.date(o.getSentAt().toLocalDate()) + " par " + funder
                        + (o.getScope() == null ? "" : " (périmètre " + o.getScope().label() + ")") + " à " + o.getOrganisation().getName() + ".")
                .paragraph("Statut : " + o.getStatus().label() + ".");
        pdf.table(List.of(new PdfDocument.Column("Rubrique", 1.3f, false), new PdfDocument.Column("Réponse de l'organisme", 3, false)), List.of(
                List.of("Domaines de formation proposés", or(o.getTrainingDomains())),
                List.of("Publics visés", or(o.getAudiences())),
                List.of("Périmètre d'intervention", or(o.getInterventionArea())),
                List.of("Intervenants et qualifications", or(o.getTrainers())),
                List.of("Références", o.getStatus() == ServiceOffer.Status.SENT ? TO_COMPLETE : or(o.getReferences()).replace(TO_COMPLETE, "—")),
                List.of("Tarif journalier indicatif (€ HT)", o.getDailyRateCents() == null ? TO_COMPLETE : French.euros(o.getDailyRateCents())),
                List.of("Signataire", o.getSignatoryName() == null ? TO_COMPLETE : o.getSignatoryName() + ", " + o.getSignatoryRole())));
        if (o.getReturnedAt() != null) {
            pdf.paragraph("Complétée et renvoyée le " + French.date(o.getReturnedAt().toLocalDate()) + " par " + o.getReturnedBy()
                    + ", qui certifie l'exactitude des informations.");
        } else {
            pdf.paragraph("Complétez cette proposition dans Formaflow (page « Mon compte », « Propositions d'offre de service ») et "
                    + "renvoyez-la à " + funder + ", qui vous informera de sa décision et, le cas échéant, des motifs du rejet.");
        }
        if (o.getDecidedAt() != null) {
            pdf.heading("Décision de " + funder)
                    .paragraph((o.getStatus() == ServiceOffer.Status.ACCEPTED ? "Validée" : "Rejetée") + " le "
                            + French.date(o.getDecidedAt().toLocalDate()) + (o.getDecisionReason() == null ? "." : ". Motifs : " + o.getDecisionReason()));
        }
        return pdf.toBytes();
    }

    private static String or(String value) {
        return value == null ? TO_COMPLETE : value;
    }
}
