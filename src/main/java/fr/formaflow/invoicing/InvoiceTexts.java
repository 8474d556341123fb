package fr.formaflow.invoicing;

import fr.formaflow.platform.French;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** An invoice as the organisation and the funder read it in their tasks. */
@Component
public class InvoiceTexts {

    public String describe(Invoice invoice) {
        String months = invoice.coveredMonths().stream().map(French::month).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder()
                .append(invoice.getKind().label())
                .append(invoice.isNil() ? " : relevé de solde nul (0,00 €), sans numéro de facture ni paiement"
                        : invoice.getNumber() == null ? " (numéro attribué à la confirmation)" : " n° " + invoice.getNumber()).append('\n')
                .append("Période : ").append(months.isEmpty() ? "—" : months).append('\n')
                .append("Stagiaires : ").append(invoice.getTraineeCount())
                .append(" — heures payées en centre : ").append(French.hours(invoice.getCentreHours()))
                .append(", en entreprise : ").append(French.hours(invoice.getCompanyHours())).append('\n')
                .append(invoice.getSubcontractedCents() > 0 ? "Montant des heures HT : " + French.euros(invoice.getHoursAmountCents()) + "\n"
                        + invoice.getNotes() + " (déduits)\n" : "")
                .append(invoice.getAdvanceRepaidCents() > 0 ? "Remboursement de l'avance (déduit) : " + French.euros(invoice.getAdvanceRepaidCents())
                        + "\n" : "")
                .append("Montant HT : ").append(French.euros(invoice.getNetCents()))
                .append(" — TVA : ").append(French.euros(invoice.getVatCents()))
                .append(" — TTC : ").append(French.euros(invoice.getGrossCents()));
        if (invoice.getVatCents() == 0) {
            text.append('\n').append("Exonération de TVA, article 261-4-4° a du CGI");
        }
        if (invoice.getExplanation() != null) {
            text.append('\n').append(invoice.getExplanation());
        }
        text.append('\n').append("État : ").append(invoice.getStatus().label());
        if (invoice.getRejectionReason() != null) {
            text.append(" — motif : ").append(invoice.getRejectionReason());
        }
        return text.toString();
    }
}
