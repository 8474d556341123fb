package fr.formaflow.process;

import fr.formaflow.platform.DecisionTables;
import fr.formaflow.security.AsSystem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** {@link DecisionTables} on Camunda's DecisionService: a deployed version never changes, so its answers are cached. */
@Component
class EngineDecisionTables implements DecisionTables {

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final AsSystem asSystem;
    private final Map<String, List<?>> answers = new ConcurrentHashMap<>();

    EngineDecisionTables(DecisionService decisions, RepositoryService repository, AsSystem asSystem) {
        this.decisions = decisions;
        this.repository = repository;
        this.asSystem = asSystem;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> collect(String decisionKey, Map<String, Object> inputs, String output) {
        return (List<T>) asSystem.call(() -> {
            String definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion()
                    .singleResult().getId();
            return answers.computeIfAbsent(definition + "|" + output + "|" + new java.util.TreeMap<>(inputs),
                    key -> decisions.evaluateDecisionTableById(definition).variables(inputs).evaluate().collectEntries(output));
        });
    }
}
