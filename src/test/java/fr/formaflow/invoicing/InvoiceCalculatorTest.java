package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.attendance.HourLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceCalculatorTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static HourLine line(long trainee, String centreCompleted, String centreJustified, String centreUnjustified,
                                 String companyCompleted, String companyJustified, String companyUnjustified) {
        return new HourLine(trainee, d(centreCompleted), d(centreJustified), d(centreUnjustified),
                d(companyCompleted), d(companyJustified), d(companyUnjustified));
    }

    @Test
    void seedExampleIs2445Euros() {
        // seed 003 §3.6.1.1: 300 + 35 centre hours at 7.00, 100 company hours at 1.00
        PeriodAmount amount = InvoiceCalculator.periodAmount(
                List.of(line(1, "300", "35", "0", "100", "0", "0")), new UnitCosts(d("7.00"), d("1.00")));

        assertThat(amount.amount()).isEqualTo(d("2445.00"));
        assertThat(amount.centreHours()).isEqualByComparingTo("335");
        assertThat(amount.companyHours()).isEqualByComparingTo("100");
        assertThat(amount.traineeCount()).isEqualTo(1);
    }

    @Test
    void unjustifiedHoursAreNotPaidAndLinesAreSummed() {
        List<HourLine> lines = List.of(
                line(1, "41", "2", "5", "15", "3", "4"),
                line(2, "12", "0", "8", "23", "0", "2"));

        PeriodAmount amount = InvoiceCalculator.periodAmount(lines, new UnitCosts(d("10"), d("2")));

        // centre (43 + 12) × 10 = 550; company (18 + 23) × 2 = 82
        assertThat(amount.amount()).isEqualTo(d("632.00"));
        assertThat(amount.centreHours()).isEqualByComparingTo("55");
        assertThat(amount.companyHours()).isEqualByComparingTo("41");
        assertThat(amount.traineeCount()).isEqualTo(2);
    }

    @Test
    void roundsOnceAtTheEndNotPerLine() {
        // each line is worth 0.333 €: rounded per line it would be 0.99 €, the exact total is 0.999 → 1.00 €
        UnitCosts costs = new UnitCosts(d("0.333"), d("0"));
        List<HourLine> lines = List.of(line(1, "1", "0", "0", "0", "0", "0"),
                line(2, "1", "0", "0", "0", "0", "0"), line(3, "1", "0", "0", "0", "0", "0"));

        assertThat(InvoiceCalculator.periodAmount(lines, costs).amount()).isEqualTo(d("1.00"));
    }

    @Test
    void roundsHalfUpToTheCent() {
        UnitCosts costs = new UnitCosts(d("7.125"), d("0"));

        assertThat(InvoiceCalculator.periodAmount(List.of(line(1, "1", "0", "0", "0", "0", "0")), costs).amount())
                .isEqualTo(d("7.13"));
        assertThat(InvoiceCalculator.periodAmount(List.of(line(1, "0.5", "0", "0", "0", "0", "0")), costs).amount())
                .isEqualTo(d("3.56")); // 3.5625
    }

    @Test
    void countsATraineeDeclaredOverSeveralMonthsOnce() {
        List<HourLine> lines = List.of(line(5, "10", "0", "0", "0", "0", "0"), line(5, "20", "0", "0", "0", "0", "0"),
                line(9, "0", "0", "0", "0", "0", "0"));

        assertThat(InvoiceCalculator.periodAmount(lines, new UnitCosts(d("7"), d("1"))).traineeCount()).isEqualTo(2);
    }

    @Test
    void anEmptyPeriodIsWorthZeroCents() {
        PeriodAmount amount = InvoiceCalculator.periodAmount(List.of(), new UnitCosts(d("7"), d("1")));

        assertThat(amount.amount()).isEqualTo(d("0.00"));
        assertThat(amount.traineeCount()).isZero();
    }

    @Test
    void refusesNegativeOrMissingUnitCostsInFrench() {
        assertThatThrownBy(() -> new UnitCosts(d("-1"), d("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le coût horaire en centre ne peut pas être négatif (-1).");
        assertThatThrownBy(() -> new UnitCosts(d("1"), null)).hasMessage("Le coût horaire en entreprise est obligatoire.");
        assertThatThrownBy(() -> InvoiceCalculator.periodAmount(List.of(), null))
                .hasMessage("Les coûts horaires de l'action sont obligatoires.");
    }

    @Test
    void convertsEurosToCentsAndBack() {
        assertThat(InvoiceCalculator.toCents(d("2445.00"))).isEqualTo(244_500L);
        assertThat(InvoiceCalculator.toCents(d("0.005"))).isEqualTo(1L);
        assertThat(InvoiceCalculator.toCents(d("-0.005"))).isEqualTo(-1L);
        assertThat(InvoiceCalculator.toCents(d("12"))).isEqualTo(1_200L);
        assertThat(InvoiceCalculator.fromCents(244_501L)).isEqualTo(d("2445.01"));
        assertThat(InvoiceCalculator.fromCents(5L)).isEqualTo(d("0.05"));
        assertThat(InvoiceCalculator.fromCents(InvoiceCalculator.toCents(d("8598.66")))).isEqualTo(d("8598.66"));
    }

    @Test
    void vatAt19Point6PercentMatchesTheSeedsInvoices() {
        // seed 003 §3.6.1.3: 3732.78 HT → 4464.40 TTC, 8598.66 HT → 10284.00 TTC
        Totals first = InvoiceCalculator.totals(d("3732.78"), d("19.6"));
        assertThat(first.vat()).isEqualTo(d("731.62"));
        assertThat(first.gross()).isEqualTo(d("4464.40"));

        Totals balance = InvoiceCalculator.totals(d("8598.66"), d("19.6"));
        assertThat(balance.vat()).isEqualTo(d("1685.34"));
        assertThat(balance.gross()).isEqualTo(d("10284.00"));
    }

    @Test
    void vatIsRoundedHalfUpAndTheNetToTheCent() {
        Totals totals = InvoiceCalculator.totals(d("0.125"), d("20")); // net 0.13, VAT 0.026

        assertThat(totals.net()).isEqualTo(d("0.13"));
        assertThat(totals.vat()).isEqualTo(d("0.03"));
        assertThat(totals.gross()).isEqualTo(d("0.16"));
        assertThat(InvoiceCalculator.totals(d("0.25"), d("10")).vat()).isEqualTo(d("0.03")); // 0.025: HALF_EVEN would give 0.02
        assertThat(InvoiceCalculator.totals(d("0.025"), d("20")).vat()).isEqualTo(d("0.01")); // 0.03 × 20 % = 0.006
    }

    @Test
    void exemptTrainingHasNoVat() {
        Totals totals = InvoiceCalculator.totals(d("2445"), BigDecimal.ZERO);

        assertThat(totals.net()).isEqualTo(d("2445.00"));
        assertThat(totals.vat()).isEqualTo(d("0.00"));
        assertThat(totals.gross()).isEqualTo(d("2445.00"));
    }

    @Test
    void refusesAVatRateOutsideZeroToHundredPercent() {
        assertThatThrownBy(() -> InvoiceCalculator.totals(d("100"), d("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Le taux de TVA doit être un pourcentage");
        assertThatThrownBy(() -> InvoiceCalculator.totals(d("100"), d("120"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceCalculator.totals(d("100"), null)).hasMessageContaining("aucun");
    }
}
