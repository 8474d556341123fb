package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.support.AtOnce;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link NumberSequences} promises, on each database the application runs on ({@link NumberSequencesTest} on H2,
 * {@link PostgresNumberSequencesTest}): a new series starts at 1, numbers follow without gaps, a rolled-back
 * transaction gives its number back, and concurrent transactions each get their own number, the second waiting for
 * the first to end.
 */
abstract class NumberSequencesContract {

    @Autowired
    NumberSequences sequences;

    @Autowired
    TransactionTemplate transactions;

    private long next(String series) {
        return transactions.execute(s -> sequences.next(series));
    }

    private static String newSeries() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void aSeriesStartsAtOneAndCountsWithoutGapsApartFromTheOthers() {
        String invoices = newSeries(), events = newSeries();
        assertThat(List.of(next(invoices), next(invoices), next(events), next(invoices), next(events))).containsExactly(1L, 2L, 1L, 3L, 2L);
        List<Long> inOneTransaction = transactions.execute(s -> List.of(sequences.next(invoices), sequences.next(invoices)));
        assertThat(inOneTransaction).containsExactly(4L, 5L);
    }

    @Test
    void aRolledBackTransactionGivesItsNumberBack() {
        String series = newSeries();
        assertThat(next(series)).isEqualTo(1);
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            assertThat(sequences.next(series)).isEqualTo(2);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(next(series)).isEqualTo(2);
    }

    @Test
    void aSecondTransactionWaitsForTheFirstAndTakesTheNextNumber() throws Exception {
        String series = newSeries();
        assertThat(next(series)).isEqualTo(1);
        CountDownLatch numbered = new CountDownLatch(1), finish = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> transactions.execute(s -> {
            long number = sequences.next(series);
            numbered.countDown();
            await(finish);
            return number;
        }));
        assertThat(numbered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> next(series));
        Thread.sleep(300);
        assertThat(second).as("waits while the first transaction holds the series").isNotDone();
        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void concurrentFirstNumbersOfANewSeriesAreDistinct() throws Exception {
        String series = newSeries();
        assertThat(AtOnce.run(4, () -> next(series))).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
