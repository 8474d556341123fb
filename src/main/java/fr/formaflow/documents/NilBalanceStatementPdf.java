package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.time.LocalDate;

/**
 * « Relevé de solde nul »: the closure of an action whose balance is 0,00 €. Not an invoice: no number in the
 * organisation's series, nothing to pay, no Factur-X.
 */
public final class NilBalanceStatementPdf {

    private NilBalanceStatementPdf() {
    }

    public static byte[] render(TrainingAction action, LocalDate confirmedOn, String period, String explanation) {
        PdfDocument pdf = Letterhead.start(action, "Relevé de solde nul — contrat n° " + action.getContractNumber(), "Relevé de solde nul")
                .title("Relevé de solde nul")
                .paragraph(Letterhead.action(action))
                .paragraph("Période : " + (period == null || period.isBlank() ? "—" : period) + ".")
                .paragraph("Le solde de l'action s'établit à " + French.euros(0) + " : les sommes déjà facturées couvrent l'intégralité "
                        + "du montant dû. Ce relevé n'est pas une facture ; il ne porte pas de numéro de facture et n'appelle aucun paiement.");
        if (explanation != null && !explanation.isBlank()) {
            pdf.paragraph(explanation);
        }
        return pdf.paragraph("Confirmé par l'organisme le " + French.date(confirmedOn) + ".").toBytes();
    }
}
