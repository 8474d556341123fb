package fr.formaflow.dossier;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks and listeners of the training-dossier process. */
@Configuration
public class DossierDelegates {

    /** "Planifier les mois d'exécution": one monthly sub-instance per calendar month. */
    @Bean
    JavaDelegate planExecutionMonths(DossierService dossiers, DossierRouting routing) {
        return execution -> execution.setVariable("executionMonths",
                new ArrayList<>(dossiers.startExecution(routing.dossierId(execution))));
    }

    /** The dossier's end: refused at submission, or closed after the follow-up. */
    @Bean
    ExecutionListener dossierEnded(DossierSummaries summaries, DossierRouting routing) {
        return execution -> summaries.enterPhase(routing.dossierId(execution),
                "End_DossierRefused".equals(execution.getCurrentActivityId()) ? DossierPhase.REFUSED : DossierPhase.CLOSED);
    }
}
