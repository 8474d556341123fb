package fr.formaflow.invoicing;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds which invoice of a dossier a bank statement line pays, and says it in French. */
@Service
@Transactional(readOnly = true)
public class Reconciliation {

    public record Result(String message, List<Line> matches) {
    }

    public record Line(long invoiceId, String number, String status, long grossCents, boolean byNumber, boolean byAmount, String verdict) {
    }

    private final InvoiceService invoices;

    public Reconciliation(InvoiceService invoices) {
        this.invoices = invoices;
    }

    public Result of(TrainingAction action, String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("Collez la ligne du relevé bancaire (libellé et montant du virement).");
        }
        BankStatementLine line = BankStatementLine.parse(text);
        List<Line> matches = invoices.of(action.getId()).stream()
                .filter(i -> i.getNumber() != null && i.getKind() != InvoiceKind.CREDIT_NOTE)
                .map(i -> line(i, line.against(i.getNumber(), action.getContractNumber(), i.getGrossCents())))
                .filter(l -> l.byNumber() || l.byAmount())
                .sorted((a, b) -> Boolean.compare(b.byNumber(), a.byNumber()))
                .toList();
        String message = matches.isEmpty()
                ? "Aucune facture de ce dossier ne correspond à cette ligne : ni numéro de facture (F2026-00001…), ni montant identique."
                : matches.get(0).verdict();
        return new Result(message, matches);
    }

    private static Line line(Invoice invoice, BankStatementLine.Match match) {
        String amount = French.euros(invoice.getGrossCents());
        String verdict;
        if (match.byNumber() && match.byAmount()) {
            verdict = "Ce virement règle la facture " + invoice.getNumber() + " (" + amount + ").";
        } else if (match.byNumber() && match.receivedCents() != null) {
            verdict = "La ligne cite la facture " + invoice.getNumber() + " mais son montant (" + French.euros(match.receivedCents())
                    + ") diffère du montant facturé (" + amount + ") : écart de " + French.euros(invoice.getGrossCents() - match.receivedCents()) + ".";
        } else if (match.byNumber()) {
            verdict = "La ligne cite la facture " + invoice.getNumber() + " (" + amount + ") sans montant lisible.";
        } else {
            verdict = "Le montant correspond à la facture " + invoice.getNumber() + " (" + amount
                    + "), qui n'est pas citée sur la ligne : vérifiez la référence du virement auprès du financeur.";
        }
        if (invoice.getStatus() == InvoiceStatus.PAID) {
            verdict += " Paiement enregistré le " + French.date(invoice.getPaidOn()) + (invoice.getPaymentReference() == null ? ""
                    : " (référence " + invoice.getPaymentReference() + ")") + ".";
        } else {
            verdict += " Le paiement n'est pas encore enregistré par le financeur (facture « " + invoice.getStatus().label() + " »).";
        }
        return new Line(invoice.getId(), invoice.getNumber(), invoice.getStatus().name(), invoice.getGrossCents(), match.byNumber(),
                match.byAmount(), verdict);
    }
}
