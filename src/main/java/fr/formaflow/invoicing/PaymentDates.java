package fr.formaflow.invoicing;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import java.time.LocalDate;

/**
 * A payment is recorded once the transfer is received: never on a date still to come (the demo once showed an invoice
 * « paid » nine days ahead, and a bank line matched to that payment before it existed).
 */
public final class PaymentDates {

    private PaymentDates() {
    }

    public static void requireReceived(LocalDate paidOn, LocalDate today) {
        if (paidOn != null && paidOn.isAfter(today)) {
            throw new BusinessRuleException("La date du virement (" + French.date(paidOn) + ") est postérieure à aujourd'hui ("
                    + French.date(today) + ") : enregistrez le paiement une fois le virement reçu.");
        }
    }
}
