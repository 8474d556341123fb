package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.platform.BusinessRuleException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentDatesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void aTransferIsRecordedOnceReceivedNeverAhead() {
        assertThatThrownBy(() -> PaymentDates.requireReceived(LocalDate.of(2026, 12, 14), TODAY))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("La date du virement (14/12/2026) est postérieure à aujourd'hui (05/12/2026) : enregistrez le paiement "
                        + "une fois le virement reçu.");
        assertThatThrownBy(() -> PaymentDates.requireReceived(TODAY.plusDays(1), TODAY)).isInstanceOf(BusinessRuleException.class);
        assertThatCode(() -> PaymentDates.requireReceived(TODAY, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> PaymentDates.requireReceived(LocalDate.of(2026, 12, 4), TODAY)).doesNotThrowAnyException();
    }
}
