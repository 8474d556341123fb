package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.platform.DecisionTables;
import fr.formaflow.support.PostgresFormaflowTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page reads the funder's checklist in a read-only transaction, where PostgreSQL refuses the row the engine writes
 * for each evaluation of a table: the first reading after a start must still answer (it ended in a 500).
 */
@PostgresFormaflowTest
class PostgresDecisionTablesTest {

    @Autowired
    DecisionTables tables;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    HistoryService history;

    @Test
    void aFirstEvaluationInAReadOnlyTransactionIsAnsweredAndRecorded() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        // a step no other test asks for: not in the cache yet
        String step = "STEP_" + System.nanoTime();

        List<String> items = readOnly.execute(status -> tables.collect("funderChecklist", Map.of("scheme", "REGION_MARKET", "step", step), "item"));

        assertThat(items).isEmpty();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("funderChecklist").includeInputs().list())
                .flatMap(decision -> decision.getInputs()).map(HistoricDecisionInputInstance::getValue).contains(step);
    }
}
