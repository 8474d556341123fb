package fr.formaflow.process;

import fr.formaflow.platform.Processes;
import fr.formaflow.security.AsSystem;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/** The capabilities' {@link Processes} on Camunda's RuntimeService, as the system. */
@Component
class EngineProcesses implements Processes {

    private final RuntimeService runtimeService;
    private final AsSystem asSystem;

    EngineProcesses(RuntimeService runtimeService, AsSystem asSystem) {
        this.runtimeService = runtimeService;
        this.asSystem = asSystem;
    }

    @Override
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return asSystem.call(() -> runtimeService.startProcessInstanceByKey(processKey, businessKey, variables).getId());
    }

    @Override
    public void startByMessage(String message, String businessKey, Map<String, Object> variables) {
        asSystem.run(() -> runtimeService.startProcessInstanceByMessage(message, businessKey, variables));
    }

    @Override
    public void correlate(String message, String processInstanceId, Map<String, Object> variables) {
        try {
            asSystem.run(() -> runtimeService.createMessageCorrelation(message).processInstanceId(processInstanceId)
                    .setVariables(variables).correlate());
        } catch (MismatchingMessageCorrelationException e) {
            throw new NotWaiting(e.getMessage(), e);
        }
    }

    @Override
    public void correlateByBusinessKey(String message, String businessKey, Map<String, Object> variables) {
        try {
            asSystem.run(() -> runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                    .setVariables(variables).correlate());
        } catch (MismatchingMessageCorrelationException e) {
            throw new NotWaiting(e.getMessage(), e);
        }
    }

    @Override
    public void correlateIfWaiting(String message, String processInstanceId) {
        asSystem.run(() -> runtimeService.createMessageCorrelation(message).processInstanceId(processInstanceId).correlateAllWithResult());
    }

    @Override
    public boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && asSystem.call(() -> runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
    }

    @Override
    public Optional<String> runningInstance(String processKey, String businessKey) {
        return asSystem.call(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).list().stream().findFirst().map(instance -> instance.getId()));
    }

    @Override
    public boolean anyRunningWith(String processKey, Map<String, Object> variableValues) {
        return asSystem.call(() -> {
            var query = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey);
            variableValues.forEach(query::variableValueEquals);
            return query.count() > 0;
        });
    }

    @Override
    public Optional<Object> variable(String processInstanceId, String name) {
        // one query: the instance's own scope (its id) holds the variable while it runs, nothing once it has ended
        return processInstanceId == null ? Optional.empty() : Optional.ofNullable(asSystem.call(() -> runtimeService.createVariableInstanceQuery()
                .variableScopeIdIn(processInstanceId).variableName(name).singleResult())).map(VariableInstance::getValue);
    }
}
