package fr.formaflow.process.delegates;

import fr.formaflow.catalogue.Offers;
import fr.formaflow.catalogue.Revalidations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of processes/offer-publication.bpmn and processes/organisation-revalidation.bpmn. */
@Configuration
public class CatalogueDelegates {

    @Bean
    JavaDelegate publishOffer(Offers offers) {
        return execution -> execution.setVariable("leavesCatalogueAt", offers.publish(offerId(execution)));
    }

    @Bean
    JavaDelegate withdrawSession(Offers offers) {
        return execution -> offers.withdrawSession(offerId(execution));
    }

    @Bean
    JavaDelegate scheduleRevalidation(Revalidations revalidations) {
        return execution -> {
            Revalidations.Schedule schedule = revalidations.schedule(organisationId(execution));
            execution.setVariable("reminderAt", schedule.reminderAt());
            execution.setVariable("withdrawalAt", schedule.withdrawalAt());
        };
    }

    @Bean
    JavaDelegate remindRevalidation(Revalidations revalidations) {
        return execution -> revalidations.remind(organisationId(execution));
    }

    @Bean
    JavaDelegate withdrawOrganisationOffers(Revalidations revalidations) {
        return execution -> revalidations.withdraw(organisationId(execution));
    }

    private static long offerId(DelegateExecution execution) {
        return ((Number) execution.getVariable("offerId")).longValue();
    }

    private static long organisationId(DelegateExecution execution) {
        return ((Number) execution.getVariable("organisationId")).longValue();
    }
}
