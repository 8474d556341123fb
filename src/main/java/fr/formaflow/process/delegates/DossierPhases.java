package fr.formaflow.process.delegates;

import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.DossierSummaries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The one place a dossier changes phase: each phase sub-process of training-dossier.bpmn enters its phase when it starts
 * ({@code ${dossierPhases.enter(execution, 'CONTRACT')}}), and its end events enter REFUSED, NOT_OPENED or CLOSED. Tasks, service
 * tasks and the called processes never set the phase.
 */
@Component("dossierPhases")
public class DossierPhases {

    private final DossierSummaries summaries;
    private final DossierRouting routing;

    public DossierPhases(DossierSummaries summaries, DossierRouting routing) {
        this.summaries = summaries;
        this.routing = routing;
    }

    public void enter(DelegateExecution execution, String phase) {
        summaries.enterPhase(routing.dossierId(execution), DossierPhase.valueOf(phase));
    }
}
