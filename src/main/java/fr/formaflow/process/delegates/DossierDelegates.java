package fr.formaflow.process.delegates;

import fr.formaflow.dossier.DossierService;
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

    /**
     * Only for dossiers started on a training-dossier.bpmn older than its phase sub-processes: their end events still
     * call {@code ${dossierEnded}}. Today's model enters REFUSED and CLOSED itself, through {@link DossierPhases}.
     */
    @Bean
    ExecutionListener dossierEnded(DossierPhases phases) {
        return execution -> phases.enter(execution, "End_DossierRefused".equals(execution.getCurrentActivityId()) ? "REFUSED" : "CLOSED");
    }
}
