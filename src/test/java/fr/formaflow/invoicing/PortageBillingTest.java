package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.formaflow.invoicing.PortageBilling.Bill;
import fr.formaflow.invoicing.PortageBilling.Recipient;
import fr.formaflow.invoicing.PortageBilling.Share;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortageBillingTest {

    static final BigDecimal EXEMPT = BigDecimal.ZERO, VAT_20 = BigDecimal.valueOf(20), FEE_8 = BigDecimal.valueOf(8);

    @ParameterizedTest(name = "{0} cents between {1} clients: {2}")
    @CsvSource({
            "196000, 1, 196000",
            "196000, 2, 98000;98000",
            "100000, 3, 33334;33333;33333",
            "100001, 3, 33334;33334;33333",
            "2, 3, 1;1;0"})
    void theTrainingIsSharedEquallyAndTheLeftOverCentsGoToTheFirstClients(long total, int clients, String expected) {
        List<Long> shares = PortageBilling.equalShares(total, clients);
        assertThat(shares).containsExactlyElementsOf(java.util.Arrays.stream(expected.split(";")).map(Long::valueOf).toList());
        assertThat(shares.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }

    @ParameterizedTest(name = "{1} % of {0} cents = {2} cents")
    @CsvSource({
            "196000, 8, 15680",
            "123457, 8, 9877",   // 9876.56 rounded half up
            "123450, 7.5, 9259", // 9258.75
            "100000, 0, 0",
            "100000, 100, 100000"})
    void theServiceFeeIsAPercentageRoundedHalfUpToTheCent(long training, String percent, long fee) {
        assertThat(PortageBilling.serviceFeeCents(training, new BigDecimal(percent))).isEqualTo(fee);
    }

    @Test
    void aFeeRateOutsideZeroToAHundredIsRefused() {
        assertThatThrownBy(() -> PortageBilling.serviceFeeCents(1000, BigDecimal.valueOf(-1))).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("entre 0 et 100 %");
        assertThatThrownBy(() -> PortageBilling.serviceFeeCents(1000, BigDecimal.valueOf(101))).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void eachClientAndEachOpcoShareIsAnInvoiceAndTheFeeBearsVatEvenWhenTheTrainingIsExempt() {
        List<Bill> bills = PortageBilling.bills(196000, List.of(
                new Share("Théâtre des Treize Vents", "AFDAS", 48000, 50000, true),
                new Share("Compagnie du Capitole", null, 98000, 0, false)), EXEMPT, FEE_8);

        assertThat(bills).extracting(Bill::recipient, Bill::client, Bill::netCents, Bill::vatCents, Bill::grossCents).containsExactly(
                tuple(Recipient.CLIENT, "Théâtre des Treize Vents", 48000L, 0L, 48000L),
                tuple(Recipient.OPCO, "Théâtre des Treize Vents", 50000L, 0L, 50000L),
                tuple(Recipient.CLIENT, "Compagnie du Capitole", 98000L, 0L, 98000L),
                tuple(Recipient.SERVICE_FEE, null, 15680L, 3136L, 18816L));
    }

    @Test
    void aVatLiableTrainingIsInvoicedWithVatToTheClientsAndTheirOpco() {
        List<Bill> bills = PortageBilling.bills(10001, List.of(new Share("Client", "OPCO EP", 1, 10000, true)), VAT_20, BigDecimal.ZERO);

        assertThat(bills).extracting(Bill::netCents, Bill::vatCents, Bill::grossCents)
                .containsExactly(tuple(1L, 0L, 1L), tuple(10000L, 2000L, 12000L));
        assertThat(bills).as("no fee invoice when the platform charges none").noneMatch(b -> b.recipient() == Recipient.SERVICE_FEE);
    }

    @Test
    void everyProblemOfASplitIsNamedInOneMessageAndNothingIsBilled() {
        assertThatThrownBy(() -> PortageBilling.bills(196000, List.of(
                new Share("Théâtre des Treize Vents", "AFDAS", 48000, 50000, false),
                new Share("Compagnie du Capitole", null, 90000, 1000, false),
                new Share("Atelier Lumière", null, -500, 0, false)), EXEMPT, FEE_8))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Théâtre des Treize Vents : l'accord de prise en charge de AFDAS doit être versé au dossier")
                .hasMessageContaining("Compagnie du Capitole : aucun OPCO n'est renseigné")
                .hasMessageContaining("Atelier Lumière : les montants ne peuvent pas être négatifs")
                .hasMessageContaining("La répartition totalise " + French.euros(188500) + " alors que la formation s'élève à " + French.euros(196000)
                        + " HT : l'écart est de " + French.euros(7500));
    }

    @Test
    void aSplitAboveTheTrainingAmountIsRefusedToo() {
        assertThatThrownBy(() -> PortageBilling.bills(1000, List.of(new Share("Client", null, 1001, 0, false)), EXEMPT, FEE_8))
                .hasMessageContaining("l'écart est de " + French.euros(1));
        assertThatThrownBy(() -> PortageBilling.bills(1000, List.of(), EXEMPT, FEE_8)).hasMessageContaining("aucun client");
    }
}
