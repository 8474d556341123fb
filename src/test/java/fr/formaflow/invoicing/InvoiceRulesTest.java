package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.attendance.HourLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Caps, balance, early exits and subcontracting: the rules around the period amount. */
class InvoiceRulesTest {

    @ParameterizedTest(name = "{0} due, price {1}, {2} already invoiced → {3}")
    @CsvSource({
        "100000, 500000, 0, 100000",
        "100000, 500000, 450000, 50000",
        "100000, 500000, 500000, 0",
        "100000, 500000, 600000, 0"})
    void aPeriodicInvoiceNeverTakesTheActionAboveItsPrice(long due, long price, long already, long expected) {
        assertThat(InvoiceCalculator.capToPrice(due, price, already)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "centre {0}/{2}, company {1}/{3}, already {4} → balance {5}")
    @CsvSource({
        "300000, 50000, 400000, 100000, 200000, 150000",
        "450000, 50000, 400000, 100000, 200000, 250000",
        "450000, 150000, 400000, 100000, 200000, 300000",
        "100000, 0, 400000, 100000, 300000, 0"})
    void theBalanceIsCappedByTheCentreAndCompanyPricesAndNeverNegative(long dueCentre, long dueCompany, long priceCentre,
                                                                       long priceCompany, long already, long expected) {
        assertThat(InvoiceCalculator.balance(dueCentre, dueCompany, priceCentre, priceCompany, already)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "planned {0}/{1}, recorded {2}/{3} → paid until the end {4}/{5}")
    @CsvSource({
        "140, 70, 35, 0, 105, 70",
        "140, 70, 140, 70, 0, 0",
        "140, 70, 150, 0, 0, 70"})
    void anAdmissibleEarlyExitIsPaidUntilTheEnd(String plannedCentre, String plannedCompany, String recordedCentre,
                                                String recordedCompany, String centre, String company) {
        HourLine remaining = InvoiceCalculator.untilTheEnd(7, new BigDecimal(plannedCentre), new BigDecimal(plannedCompany),
                new BigDecimal(recordedCentre), new BigDecimal(recordedCompany));
        assertThat(remaining.paidCentreHours()).isEqualByComparingTo(centre);
        assertThat(remaining.paidCompanyHours()).isEqualByComparingTo(company);
    }

    @ParameterizedTest(name = "invoice {0} with pending {1} → net {2}, deducted {3}")
    @CsvSource({
        "244500, '150000', 94500, 150000",
        "244500, '150000;100000', 94500, 150000",
        "244500, '300000;100000', 144500, 100000",
        "244500, '', 244500, 0"})
    void subcontractorsInvoicesAreDeductedWhenTheInvoiceCoversThem(long amount, String pending, long net, long deducted) {
        List<Subcontracting.Pending> invoices = new ArrayList<>();
        if (!pending.isEmpty()) {
            long id = 1;
            for (String cents : pending.split(";")) {
                invoices.add(new Subcontracting.Pending(id++, "CÉVENNES GESTION", Long.parseLong(cents)));
            }
        }
        Subcontracting.Deduction deduction = Subcontracting.deduct(amount, invoices);
        assertThat(deduction.netCents()).isEqualTo(net);
        assertThat(deduction.deductedCents()).isEqualTo(deducted);
        assertThat(deduction.netCents() + deduction.deductedCents()).isEqualTo(amount);
    }

    /**
     * Whatever the hours declared month after month, the unit costs and the prices, the periodic invoices (capped)
     * plus the balance never exceed the action's price.
     */
    @Property(tries = 300)
    void theInvoicesOfAnActionNeverExceedItsPrice(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 20000) Integer> monthCents,
                                                  @ForAll @IntRange(min = 0, max = 100000) int priceCentre,
                                                  @ForAll @IntRange(min = 0, max = 100000) int priceCompany,
                                                  @ForAll @IntRange(min = 0, max = 300000) int dueCentre,
                                                  @ForAll @IntRange(min = 0, max = 300000) int dueCompany) {
        long price = (long) priceCentre + priceCompany;
        long invoiced = 0;
        for (int due : monthCents) {
            invoiced += InvoiceCalculator.capToPrice(due, price, invoiced);
            assertThat(invoiced).isLessThanOrEqualTo(price);
        }
        invoiced += InvoiceCalculator.balance(dueCentre, dueCompany, priceCentre, priceCompany, invoiced);
        assertThat(invoiced).isLessThanOrEqualTo(price);
    }
}
