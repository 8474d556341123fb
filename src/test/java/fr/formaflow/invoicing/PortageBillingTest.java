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
    static final PortageBilling.OpcoIdentity AFDAS = new PortageBilling.OpcoIdentity("AFDAS", "30561826600004", "66 rue Stendhal", "75020",
            "Paris", "factures@afdas.example");

    static Share withOpco(String client, String opco, long clientCents, long opcoCents, String reference) {
        return new Share(client, opco, clientCents, opcoCents, true, reference, AFDAS);
    }

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
                withOpco("Théâtre des Treize Vents", "AFDAS", 48000, 50000, " APC-2026-0042 "),
                new Share("Compagnie du Capitole", null, 98000, 0, false)), EXEMPT, FEE_8);

        assertThat(bills).extracting(Bill::recipient, Bill::client, Bill::netCents, Bill::vatCents, Bill::grossCents).containsExactly(
                tuple(Recipient.CLIENT, "Théâtre des Treize Vents", 48000L, 0L, 48000L),
                tuple(Recipient.OPCO, "Théâtre des Treize Vents", 50000L, 0L, 50000L),
                tuple(Recipient.CLIENT, "Compagnie du Capitole", 98000L, 0L, 98000L),
                tuple(Recipient.SERVICE_FEE, null, 15680L, 3136L, 18816L));
        assertThat(bills).extracting(Bill::fundingAgreementReference).as("only the OPCO's invoice quotes its funding agreement")
                .containsExactly(null, "APC-2026-0042", null, null);
    }

    /** Seed 000: the platform sends the OPCO its invoice, which must name the agreement and reach the OPCO at its record's address. */
    @Test
    void anOpcoIsInvoicedOnlyWithItsFundingAgreementReferenceAndACompleteRecord() {
        assertThatThrownBy(() -> PortageBilling.bills(10000, List.of(withOpco("Théâtre", "AFDAS", 0, 10000, " ")), EXEMPT, FEE_8))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Théâtre : saisissez la référence de l'accord de prise en charge de AFDAS");
        assertThatThrownBy(() -> PortageBilling.bills(10000, List.of(new Share("Théâtre", "OPCO inconnu", 0, 10000, true, "A-1", null)),
                EXEMPT, FEE_8)).hasMessageContaining("Théâtre : OPCO inconnu n'est pas référencé comme OPCO dans Formaflow");
        PortageBilling.OpcoIdentity incomplete = new PortageBilling.OpcoIdentity("OPCO EP", null, "1 rue", null, "Paris", "");
        assertThatThrownBy(() -> PortageBilling.bills(10000, List.of(new Share("Théâtre", "OPCO EP", 0, 10000, true, "A-1", incomplete)),
                EXEMPT, FEE_8)).hasMessageContaining("la fiche de OPCO EP est incomplète (adresse postale, SIRET (et donc SIREN), "
                + "adresse e-mail de réception des factures)");
        assertThat(PortageBilling.bills(10000, List.of(new Share("Théâtre", "OPCO EP", 10000, 0, false, null, null)), EXEMPT, FEE_8))
                .as("nothing billed to the OPCO: neither its agreement nor its record is needed").hasSize(2);
    }

    @Test
    void theOpcoInvoiceListsEachTraineeWithTheHoursCompletedInCentreAndCompanyAndTheJustifiedAbsences() {
        String note = PortageBilling.traineesNote(List.of(
                new PortageBilling.TraineeHours("Anna Martin", new BigDecimal("140"), new BigDecimal("35"), BigDecimal.ZERO),
                new PortageBilling.TraineeHours("Louis Petit", new BigDecimal("133.5"), BigDecimal.ZERO, new BigDecimal("6.5"))));
        assertThat(note).isEqualTo("Stagiaires et heures réalisées :"
                + "\n- Anna Martin : " + French.hours(new BigDecimal("175")) + " réalisées (" + French.hours(new BigDecimal("140")) + " en centre, "
                + French.hours(new BigDecimal("35")) + " en entreprise)"
                + "\n- Louis Petit : " + French.hours(new BigDecimal("133.5")) + " réalisées (" + French.hours(new BigDecimal("133.5"))
                + " en centre, " + French.hours(BigDecimal.ZERO) + " en entreprise), " + French.hours(new BigDecimal("6.5")) + " d'absence justifiée");
    }

    @Test
    void aVatLiableTrainingIsInvoicedWithVatToTheClientsAndTheirOpco() {
        List<Bill> bills = PortageBilling.bills(10001, List.of(withOpco("Client", "OPCO EP", 1, 10000, "A-1")), VAT_20, BigDecimal.ZERO);

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
