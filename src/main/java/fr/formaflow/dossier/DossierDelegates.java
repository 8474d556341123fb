package fr.formaflow.dossier;

import java.util.ArrayList;
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
}
