package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.funder.AdvanceKind;
import fr.formaflow.funder.FunderRules;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Région's advance (avance forfaitaire ou facultative): its amount and its repayment, to the cent. */
class AdvancesTest {

    static final FunderRules.Advance REGION = new FunderRules.Advance(Set.of(AdvanceKind.FLAT, AdvanceKind.OPTIONAL), new BigDecimal("5"),
            new BigDecimal("50000"), 2, new BigDecimal("30"), new BigDecimal("65"), new BigDecimal("80"));

    @Test
    void theAdvanceIsItsRateOfThePriceAndOfTwelveMonthsWorthOfItBeyondAYear() {
        // the seed's action: 44 590,00 € over 9 months, 5 %
        assertThat(Advances.amount(4_459_000, 9, new BigDecimal("5"))).isEqualTo(222_950);
        // 120 000,00 € over 18 months: 5 % of 80 000,00 €
        assertThat(Advances.amount(12_000_000, 18, new BigDecimal("5"))).isEqualTo(400_000);
        // 12 345,67 € over 17 months at 7,5 %: 12 345,67 × 12 / 17 × 7,5 % = 653,59 € (HALF_UP, once, at the end)
        assertThat(Advances.amount(1_234_567, 17, new BigDecimal("7.5"))).isEqualTo(65_359);
        assertThatThrownBy(() -> Advances.amount(100, 2, new BigDecimal("101"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void laterInvoicesRepayItFromSixtyFiveToEightyPercentOfThePriceInProportion() {
        long price = 6_000_000, advance = 300_000;
        BigDecimal from = new BigDecimal("65"), until = new BigDecimal("80");
        assertThat(Advances.repaidBy(advance, price, 3_900_000, from, until)).isZero();
        assertThat(Advances.repaidBy(advance, price, 4_350_000, from, until)).isEqualTo(150_000);
        assertThat(Advances.repaidBy(advance, price, 4_800_000, from, until)).isEqualTo(advance);
        assertThat(Advances.repaidBy(advance, price, 6_000_000, from, until)).isEqualTo(advance);
        // one cent above the start: 300 000 × 1 / 900 000 = 0,33 cent, rounded to 0
        assertThat(Advances.repaidBy(advance, price, 3_900_001, from, until)).isZero();
        // an odd price: 2 100,00 €, 630,00 € advance, 1 610,00 € invoiced: 630 × 245 / 315 = 490,00 €
        assertThat(Advances.repaidBy(63_000, 210_000, 161_000, from, until)).isEqualTo(49_000);
        assertThat(Advances.repaidBy(0, price, 4_800_000, from, until)).isZero();
    }

    @Test
    void anInvoiceRepaysWhatIsDueSinceTheLastOneNeverMoreThanItsOwnNet() {
        assertThat(Advances.repayment(49_000, 0, 63_000)).isEqualTo(49_000);
        assertThat(Advances.repayment(63_000, 49_000, 24_500)).isEqualTo(14_000);
        assertThat(Advances.repayment(63_000, 49_000, 10_000)).isEqualTo(10_000);
        assertThat(Advances.repayment(40_000, 49_000, 10_000)).isZero();
    }

    @Test
    void theFundersRulesSayWhoGetsWhichAdvance() {
        assertThat(REGION.problems(AdvanceKind.FLAT, null, 5_000_001, 3)).isEmpty();
        assertThat(REGION.problems(AdvanceKind.FLAT, null, 5_000_000, 3)).singleElement().asString().contains("50\u202f000,00\u00a0€ HT");
        assertThat(REGION.problems(AdvanceKind.FLAT, null, 5_000_001, 2)).singleElement().asString().contains("plus de 2 mois");
        assertThat(REGION.problems(AdvanceKind.OPTIONAL, new BigDecimal("30"), 100_000, 1)).isEmpty();
        assertThat(REGION.problems(AdvanceKind.OPTIONAL, new BigDecimal("30.01"), 100_000, 1)).singleElement().asString().contains("entre 0 et 30 %");
        assertThat(REGION.problems(AdvanceKind.OPTIONAL, null, 100_000, 1)).singleElement().asString().contains("reçu : aucun");
        assertThat(REGION.problems(AdvanceKind.OPTIONAL, new BigDecimal("12.345"), 100_000, 1)).singleElement().asString().contains("deux décimales");
        assertThat(REGION.problems(AdvanceKind.NONE, null, 0, 0)).isEmpty();
        assertThat(FunderRules.Advance.NONE.problems(AdvanceKind.OPTIONAL, BigDecimal.TEN, 100_000, 3)).singleElement().asString()
                .contains("ne verse pas d'avance facultative");
        assertThat(REGION.rate(AdvanceKind.FLAT, new BigDecimal("12"))).isEqualByComparingTo("5");
        assertThat(REGION.rate(AdvanceKind.OPTIONAL, new BigDecimal("12"))).isEqualByComparingTo("12");
    }
}
