package fr.formaflow.process.delegates;

import fr.formaflow.dossier.TrainingActionRepository.Route;
import fr.formaflow.dossier.TrainingActionRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which dossier a process works on, and who works on it, from the engine-owned business key (the contract number,
 * set by Formaflow when it starts the dossier and passed to every sub-process) and the domain: never from a process
 * variable. The BPMN files use it for candidate groups ({@code ${dossierRouting.funderGroup(execution)}}).
 */
@Component("dossierRouting")
public class DossierRouting {

    private static final Object ROUTES_READ = new Object();

    private final TrainingActionRepository actions;

    public DossierRouting(TrainingActionRepository actions) {
        this.actions = actions;
    }

    public long dossierId(DelegateExecution execution) {
        return route(execution).dossierId();
    }

    public long dossierId(DelegateTask task) {
        return dossierId(task.getExecution());
    }

    public String funderGroup(DelegateExecution execution) {
        return route(execution).funderGroup();
    }

    public String organisationGroup(DelegateExecution execution) {
        return route(execution).organisationGroup();
    }

    /** The route of a dossier's process; empty for the processes that are not about a dossier (apprenticeship contracts). */
    public Optional<Route> find(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return key == null ? Optional.empty() : lookUp(key);
    }

    private Route route(DelegateExecution execution) {
        String contractNumber = execution.getProcessBusinessKey();
        return lookUp(contractNumber)
                .orElseThrow(() -> new IllegalStateException("No dossier has the contract number « " + contractNumber
                        + " » of process instance " + execution.getProcessInstanceId()));
    }

    /**
     * A step asks for its dossier's route several times (candidate groups, grants, the task's summary): read once per
     * transaction. Neither the organisation's group nor the dossier's validator group changes after its creation, and a
     * route is kept no longer than the transaction that read it, so a rolled-back dossier's route dies with it.
     */
    private Optional<Route> lookUp(String contractNumber) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return actions.findRouteByContractNumber(contractNumber);
        }
        Map<String, Route> read = routesReadInThisTransaction();
        Route known = read.get(contractNumber);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Route> found = actions.findRouteByContractNumber(contractNumber);
        found.ifPresent(route -> read.put(contractNumber, route));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Route> routesReadInThisTransaction() {
        Map<String, Route> read = (Map<String, Route>) TransactionSynchronizationManager.getResource(ROUTES_READ);
        if (read == null) {
            read = new HashMap<>();
            TransactionSynchronizationManager.bindResource(ROUTES_READ, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ROUTES_READ);
                }
            });
        }
        return read;
    }
}
