package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two organisations confirm their first invoices of a year at the same time, 50 confirmations interleaved on 8 threads:
 * each gets its own series 1..n, without gap, duplicate nor error (issue 22: a second organisation could never invoice).
 * {@link fr.formaflow.platform.PostgresDossierTest} runs it on PostgreSQL.
 */
@FormaflowTest
public class FirstInvoiceNumbersTest {

    @Autowired
    ApplicationContext context;

    @Test
    void twoOrganisationsConfirmTheirFirstInvoicesAtOnce() throws Exception {
        check(context, 2031);
    }

    /** The scenario, on a year no other invoice of the database uses. */
    public static void check(ApplicationContext context, int year) throws Exception {
        DossierDriver driver = new DossierDriver(context);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        InvoiceRepository repository = context.getBean(InvoiceRepository.class);
        InvoiceService invoices = context.getBean(InvoiceService.class);
        TrainingAction marie = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Régie générale");
        TrainingAction sophie = driver.create("sophie.martin", DossierDriver.REGION, "Gestes et postures");
        LocalDateTime confirmedAt = LocalDateTime.of(year, 1, 15, 10, 0);

        List<Callable<String[]>> confirmations = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            for (TrainingAction action : List.of(marie, sophie)) {
                long draft = transactions.execute(s -> repository.save(new Invoice(action.getId(), action.getOrganisation().getId(),
                        InvoiceKind.MONTHLY, List.of(YearMonth.of(year - 1, 12)), new PeriodAmount(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, 1),
                        700, new Subcontracting.Deduction(700, List.of()), InvoiceCalculator.totals(new BigDecimal("7.00"), BigDecimal.ZERO),
                        null, null, confirmedAt)).getId());
                confirmations.add(() -> new String[] {action.getOrganisation().getSiret(),
                        transactions.execute(s -> invoices.confirm(driver.reload(action), draft, true, confirmedAt).getNumber())});
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, List<String>> numbers = new TreeMap<>();
        try {
            for (Future<String[]> future : pool.invokeAll(confirmations)) {
                String[] confirmed = future.get(); // an error in any confirmation fails here
                numbers.computeIfAbsent(confirmed[0], siret -> new ArrayList<>()).add(confirmed[1]);
            }
        } finally {
            pool.shutdown();
        }
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 25; n++) {
            expected.add(String.format("F%d-%05d", year, n));
        }
        assertThat(numbers).hasSize(2);
        numbers.values().forEach(series -> assertThat(series).containsExactlyInAnyOrderElementsOf(expected));
    }
}
