package fr.formaflow.process.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.dossier.TrainingActionRepository.Route;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** A dossier's route is read from the domain once per transaction, and never kept beyond it. */
class DossierRoutingTest {

    private static final Route ROUTE = new Route(7L, "org_12345678900011", "funder_region");

    private final TrainingActionRepository actions = mock(TrainingActionRepository.class);
    private final DossierRouting routing = new DossierRouting(actions);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactions());

    DossierRoutingTest() {
        when(execution.getProcessBusinessKey()).thenReturn("2026-000042");
    }

    @Test
    void readsTheRouteOncePerTransaction() {
        when(actions.findRouteByContractNumber("2026-000042")).thenReturn(Optional.of(ROUTE));

        transactions.executeWithoutResult(t -> {
            assertThat(routing.funderGroup(execution)).isEqualTo("funder_region");
            assertThat(routing.organisationGroup(execution)).isEqualTo("org_12345678900011");
            assertThat(routing.dossierId(execution)).isEqualTo(7L);
        });
        verify(actions, times(1)).findRouteByContractNumber("2026-000042");

        transactions.executeWithoutResult(t -> routing.funderGroup(execution));
        verify(actions, times(2)).findRouteByContractNumber("2026-000042");
    }

    @Test
    void aRouteReadInARolledBackTransactionIsForgotten() {
        when(actions.findRouteByContractNumber("2026-000042")).thenReturn(Optional.of(ROUTE),
                Optional.of(new Route(8L, "org_98765432100019", "funder_national")));

        transactions.executeWithoutResult(t -> {
            routing.funderGroup(execution);
            t.setRollbackOnly();
        });

        String funderGroup = transactions.execute(t -> routing.funderGroup(execution));
        assertThat(funderGroup).isEqualTo("funder_national");
    }

    @Test
    void aMissingDossierIsLookedForAgain() {
        when(actions.findRouteByContractNumber("2026-000042")).thenReturn(Optional.empty(), Optional.of(ROUTE));

        transactions.executeWithoutResult(t -> {
            assertThatThrownBy(() -> routing.funderGroup(execution)).isInstanceOf(IllegalStateException.class);
            assertThat(routing.funderGroup(execution)).isEqualTo("funder_region");
        });
    }

    @Test
    void outsideATransactionEveryCallReads() {
        when(actions.findRouteByContractNumber("2026-000042")).thenReturn(Optional.of(ROUTE));

        routing.funderGroup(execution);
        routing.funderGroup(execution);

        verify(actions, times(2)).findRouteByContractNumber("2026-000042");
    }

    /** Transactions with synchronization and nothing to commit. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
