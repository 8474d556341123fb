package fr.formaflow.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Moves a dossier to a phase from an execution listener: {@code ${dossierPhases.enter(execution, 'FOLLOW_UP')}}. */
@Component("dossierPhases")
public class DossierPhases {

    private final DossierSummaries summaries;

    public DossierPhases(DossierSummaries summaries) {
        this.summaries = summaries;
    }

    public void enter(DelegateExecution execution, String phase) {
        summaries.enterPhase(((Number) execution.getVariable("dossierId")).longValue(), DossierPhase.valueOf(phase));
    }
}
