package fr.formaflow.process;

import fr.formaflow.platform.DecisionTables;
import fr.formaflow.security.AsSystem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link DecisionTables} on Camunda's DecisionService: a deployed version never changes, so its answers are cached. */
@Component
class EngineDecisionTables implements DecisionTables {

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final AsSystem asSystem;
    private final TransactionTemplate writable;
    private final Map<String, List<?>> answers = new ConcurrentHashMap<>();

    EngineDecisionTables(DecisionService decisions, RepositoryService repository, AsSystem asSystem, PlatformTransactionManager transactions) {
        this.decisions = decisions;
        this.repository = repository;
        this.asSystem = asSystem;
        this.writable = new TransactionTemplate(transactions);
        this.writable.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> collect(String decisionKey, Map<String, Object> inputs, String output) {
        return (List<T>) asSystem.call(() -> {
            String definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion()
                    .singleResult().getId();
            return answers.computeIfAbsent(definition + "|" + output + "|" + new java.util.TreeMap<>(inputs),
                    key -> evaluate(definition, inputs, output));
        });
    }

    /**
     * The engine records every evaluation in its history: a page's read-only transaction cannot hold that insert
     * (PostgreSQL refuses it), so a first evaluation there runs in a transaction of its own.
     */
    private List<?> evaluate(String definition, Map<String, Object> inputs, String output) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return writable.execute(status -> evaluateNow(definition, inputs, output));
        }
        return evaluateNow(definition, inputs, output);
    }

    private List<?> evaluateNow(String definition, Map<String, Object> inputs, String output) {
        return decisions.evaluateDecisionTableById(definition).variables(inputs).evaluate().collectEntries(output);
    }
}
