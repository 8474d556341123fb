package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.time.LocalDate;
import java.util.List;

/**
 * « Ordre de reversement de l'avance »: the funder asks the organisation to pay back the part of the advance that the
 * balance could not take back. Issued by the funder to the organisation; not an invoice, no Factur-X. Plain Java.
 */
public final class AdvanceRecoveryPdf {

    /** The order's figures, in cents; balanceNumber is null for a balance of 0,00 € (a statement without number). */
    public record Order(String number, LocalDate issuedOn, String balanceNumber, long advanceCents, long repaidCents, long netCents,
                        long vatCents, long grossCents) {
    }

    private AdvanceRecoveryPdf() {
    }

    public static byte[] render(TrainingAction a, Order order) {
        PdfDocument pdf = new PdfDocument("Ordre de reversement n° " + order.number() + " — contrat n° " + a.getContractNumber(),
                "Ordre de reversement de l'avance")
                .header(Letterhead.funder(a.getFunder()), Letterhead.organisation(a.getOrganisation()))
                .title("Ordre de reversement n° " + order.number())
                .paragraph("Émis le " + French.date(order.issuedOn()) + " par " + a.getFunder().getName() + " à l'attention de "
                        + a.getOrganisation().getName() + ".")
                .paragraph(Letterhead.action(a))
                .paragraph("L'avance versée au titre de cette action est reprise sur les factures suivantes. Le solde "
                        + (order.balanceNumber() == null ? "(0,00 €)" : "(facture n° " + order.balanceNumber() + ")")
                        + " accepté par " + a.getFunder().getName() + " ne suffit pas à reprendre ce qui en restait : l'organisme doit "
                        + "reverser la différence ci-dessous.")
                .totals(List.<String[]>of(new String[] {"Avance versée (HT)", French.euros(order.advanceCents())},
                        new String[] {"Reprise sur les factures, solde compris (HT)", "− " + French.euros(order.repaidCents())},
                        new String[] {"Reste à reverser (HT)", French.euros(order.netCents())},
                        new String[] {"TVA sur ce reste", French.euros(order.vatCents())},
                        new String[] {"Montant à reverser (TTC)", French.euros(order.grossCents())}))
                .heading("Règlement")
                .paragraph("Merci de reverser " + French.euros(order.grossCents()) + " à " + a.getFunder().getName()
                        + " par virement, en indiquant en référence le numéro de cet ordre (" + order.number()
                        + ") et le numéro de contrat " + a.getContractNumber() + ".");
        return pdf.toBytes();
    }
}
