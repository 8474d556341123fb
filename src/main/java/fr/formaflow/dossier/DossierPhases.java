package fr.formaflow.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Moves a dossier to a phase from an execution listener: {@code ${dossierPhases.enter(execution, 'FOLLOW_UP')}}. */
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
