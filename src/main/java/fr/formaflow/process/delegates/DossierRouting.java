package fr.formaflow.process.delegates;

import fr.formaflow.dossier.TrainingActionRepository.Route;
import fr.formaflow.dossier.TrainingActionRepository;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Which dossier a process works on, and who works on it, from the engine-owned business key (the contract number,
 * set by Formaflow when it starts the dossier and passed to every sub-process) and the domain: never from a process
 * variable. The BPMN files use it for candidate groups ({@code ${dossierRouting.funderGroup(execution)}}).
 */
@Component("dossierRouting")
public class DossierRouting {

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
        return key == null ? Optional.empty() : actions.findRouteByContractNumber(key);
    }

    private Route route(DelegateExecution execution) {
        String contractNumber = execution.getProcessBusinessKey();
        return actions.findRouteByContractNumber(contractNumber)
                .orElseThrow(() -> new IllegalStateException("No dossier has the contract number « " + contractNumber
                        + " » of process instance " + execution.getProcessInstanceId()));
    }
}
