package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.util.List;

/**
 * « Bon de commande » (Formiris, seed 001): the funder orders the action from the organisation, which downloads it,
 * stamps it, signs it and returns it; no attendance certificate can be sent before. Plain Java.
 */
public final class PurchaseOrderPdf {

    private static final String SIGNATURE_BOX = "Nom, qualité, date,\ncachet et signature :\n \n \n \n ";

    private PurchaseOrderPdf() {
    }

    public static String filename(TrainingAction a) {
        return "bon-de-commande-" + a.getContractNumber() + ".pdf";
    }

    public static byte[] render(TrainingAction a) {
        PdfDocument pdf = Letterhead.start(a, "Bon de commande n° " + a.getPurchaseOrderNumber() + " — contrat n° " + a.getContractNumber(),
                        "Bon de commande")
                .title("Bon de commande n° " + a.getPurchaseOrderNumber())
                .paragraph("Émis le " + French.date(a.getPurchaseOrderDate()) + " par " + a.getFunder().getName()
                        + (a.getScope() == null ? "" : " — formation de périmètre " + a.getScope().label()) + ".")
                .paragraph(a.getFunder().getName() + " commande à " + a.getOrganisation().getName() + " la prestation suivante.")
                .paragraph(Letterhead.action(a));
        long centre = cents(a.getPriceCentreCents());
        long company = cents(a.getPriceCompanyCents());
        pdf.table(List.of(new PdfDocument.Column("Prestation", 3, false), new PdfDocument.Column("Heures par stagiaire", 1.2f, true),
                        new PdfDocument.Column("Coût horaire", 1.2f, true), new PdfDocument.Column("Montant", 1.4f, true)),
                List.of(line("Formation en centre", a.getHoursCentre(), a.getUnitCostCentreCents(), centre),
                        line("Formation en entreprise", a.getHoursCompany(), a.getUnitCostCompanyCents(), company)))
                .totals(List.<String[]>of(new String[] {"Stagiaires financés", a.getPaidTrainees() == null ? "" : a.getPaidTrainees().toString()},
                        new String[] {"Montant total de la commande", French.euros(centre + company)}));
        pdf.heading("À retourner tamponné et signé")
                .paragraph("Téléchargez ce bon de commande, apposez le cachet de l'organisme, signez-le et versez-le dans la tâche "
                        + "« Contractualiser l'action » (pièce « " + DocumentType.SIGNED_PURCHASE_ORDER.label() + " »). "
                        + "Aucune attestation de présence ne peut être déposée avant son retour.")
                .space(10)
                .table(List.of(new PdfDocument.Column("Pour " + a.getFunder().getName(), 1, false),
                                new PdfDocument.Column("Pour l'organisme de formation", 1, false)),
                        List.of(List.of(a.getFunder().getName(), a.getOrganisation().getName()), List.of(SIGNATURE_BOX, SIGNATURE_BOX)));
        return pdf.toBytes();
    }

    private static List<String> line(String label, BigDecimal hours, Long unitCents, long amountCents) {
        return List.of(label, hours == null ? "" : French.hours(hours), unitCents == null ? "" : French.euros(unitCents),
                French.euros(amountCents));
    }

    private static long cents(Long value) {
        return value == null ? 0 : value;
    }
}
