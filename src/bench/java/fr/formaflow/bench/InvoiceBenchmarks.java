package fr.formaflow.bench;

import fr.formaflow.attendance.HourLine;
import fr.formaflow.funder.PaymentMode;
import fr.formaflow.invoicing.InvoiceCalculator;
import fr.formaflow.invoicing.InvoiceSchedule;
import fr.formaflow.invoicing.PeriodAmount;
import fr.formaflow.invoicing.Totals;
import fr.formaflow.invoicing.UnitCosts;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every invoice of an action of 500 trainees over 12 months, as InvoiceService computes them once the hours are read:
 * each month the payment mode's decision, the month's amount (500 hour lines), the cap to the price and the totals;
 * at the end the balance over the 6 000 lines, with the 25 trainees who left early paid until the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InvoiceBenchmarks {

    static final int TRAINEES = 500;
    static final int MONTHS = 12;
    static final int EARLY_EXITS = 25;
    static final YearMonth FIRST = YearMonth.of(2026, 1);

    final List<List<HourLine>> months = new ArrayList<>();
    final UnitCosts costs = new UnitCosts(new BigDecimal("7.35"), new BigDecimal("1.10"));
    final long priceCentreCents = TRAINEES * 1400L * 735;
    final long priceCompanyCents = TRAINEES * 140L * 110;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        for (int m = 0; m < MONTHS; m++) {
            List<HourLine> lines = new ArrayList<>();
            for (long trainee = 1; trainee <= TRAINEES; trainee++) {
                lines.add(new HourLine(trainee, hours(random, 80, 120), hours(random, 0, 7), hours(random, 0, 7),
                        hours(random, 0, 20), hours(random, 0, 3), hours(random, 0, 3)));
            }
            months.add(lines);
        }
    }

    private static BigDecimal hours(Random random, int min, int max) {
        // half-hour steps between min and max
        return BigDecimal.valueOf(min * 2L + random.nextInt((max - min) * 2 + 1)).multiply(new BigDecimal("0.5"));
    }

    @Benchmark
    public long wholeAction() {
        long invoiced = 0;
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = FIRST.plusMonths(m);
            InvoiceSchedule.Decision decision = InvoiceSchedule.decide(new InvoiceSchedule.Confirmation(PaymentMode.MONTHLY, FIRST,
                    List.of(month), month, m == MONTHS - 1, BigDecimal.valueOf(100L * m / MONTHS), 0, 1));
            if (decision.invoiceDue()) {
                PeriodAmount amount = InvoiceCalculator.periodAmount(months.get(m), costs);
                long cents = InvoiceCalculator.capToPrice(InvoiceCalculator.toCents(amount.amount()), priceCentreCents + priceCompanyCents, invoiced);
                Totals totals = InvoiceCalculator.totals(InvoiceCalculator.fromCents(cents), BigDecimal.ZERO);
                invoiced += InvoiceCalculator.toCents(totals.gross());
            }
        }
        return invoiced + balance(invoiced);
    }

    private long balance(long invoiced) {
        List<HourLine> lines = new ArrayList<>(TRAINEES * MONTHS + EARLY_EXITS);
        months.forEach(lines::addAll);
        for (long trainee = 1; trainee <= EARLY_EXITS; trainee++) {
            long id = trainee;
            HourLine recorded = lines.stream().filter(l -> l.traineeId() == id).reduce(HourLine.zero(id), HourLine::plus);
            lines.add(InvoiceCalculator.untilTheEnd(id, new BigDecimal("1400"), new BigDecimal("140"),
                    recorded.centreCompleted().add(recorded.centreJustified()).add(recorded.centreUnjustified()),
                    recorded.companyCompleted().add(recorded.companyJustified()).add(recorded.companyUnjustified())));
        }
        PeriodAmount due = InvoiceCalculator.periodAmount(lines, costs);
        return InvoiceCalculator.balance(InvoiceCalculator.cents(due.centreHours(), costs.centrePerHour()),
                InvoiceCalculator.cents(due.companyHours(), costs.companyPerHour()), priceCentreCents, priceCompanyCents, invoiced);
    }
}
