package fr.formaflow.apprenticeship;

import fr.formaflow.documents.PdfDocument;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.French;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The receipt (récépissé) a CFA gets when it files a reimbursement request: what was filed, when, and its number. */
final class ReceiptPdf {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    private ReceiptPdf() {
    }

    static byte[] render(ApprenticeshipContract c, ReimbursementRequest r) {
        Organisation cfa = c.getCfa();
        List<String> files = new ArrayList<>(List.of("Facture n° " + r.getInvoiceReference() + " — SHA-256 " + r.getInvoiceSha256()));
        files.add(r.hasCertificate() ? "Certificat de réalisation — SHA-256 " + r.getCertificateSha256()
                : "Certificat de réalisation : non requis pour le premier versement");
        PdfDocument pdf = new PdfDocument("Récépissé n° " + r.getReceiptNumber() + " — N° d'action OPCO " + c.getOpcoActionNumber(),
                "Récépissé de demande de remboursement")
                .header(List.of(cfa.getName(), cfa.fullAddress(), "SIRET " + Siret.of(cfa.getSiret()).formatted()),
                        List.of(c.getFunder().getName(), "Apprentissage"))
                .title("Récépissé de demande de remboursement n° " + r.getReceiptNumber())
                .paragraph("N° d'action OPCO : " + c.getOpcoActionNumber() + " (à rappeler dans toute demande au support)")
                .paragraph("Demande déposée le " + AT.format(r.getSubmittedAt()) + " par " + r.getSubmittedBy() + ".")
                .heading("Contrat")
                .table(List.of(new PdfDocument.Column("", 1, false), new PdfDocument.Column("", 2, false)), List.of(
                        List.of("Contrat n°", c.getContractNumber()),
                        List.of("Apprenti(e)", c.apprentice()),
                        List.of("Employeur (adhérent)", c.getEmployerName() + " — SIRET " + Siret.of(c.getEmployerSiret()).formatted()),
                        List.of("Diplôme ou titre préparé", c.getDiploma()),
                        List.of("Période", "du " + French.date(c.getStartDate()) + " au " + French.date(c.getEndDate())),
                        List.of("Rythme de paiement", c.rhythm().label())))
                .heading("Montants demandés")
                .totals(List.of(
                        new String[] {r.getInstalmentLabel(), French.euros(r.getAmountCents())},
                        new String[] {"Frais divers (premier équipement)", French.euros(r.getEquipmentCents())},
                        new String[] {"Total demandé à l'OPCO", French.euros(r.totalCents())}))
                .heading("Pièces reçues");
        files.forEach(pdf::small);
        pdf.paragraph("Ce récépissé atteste le dépôt de la demande ; il ne vaut pas accord de paiement. L'OPCO l'examine et vous informe "
                + "de sa décision. Le coût pédagogique au-delà du budget alternance ("
                + French.euros(c.split().employerCents()) + " pour ce contrat) est à facturer à l'employeur.");
        return pdf.toBytes();
    }
}
