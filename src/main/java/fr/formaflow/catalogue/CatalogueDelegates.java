package fr.formaflow.catalogue;

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
        return revalidations::schedule;
    }

    @Bean
    JavaDelegate remindRevalidation(Revalidations revalidations) {
        return revalidations::remind;
    }

    @Bean
    JavaDelegate withdrawOrganisationOffers(Revalidations revalidations) {
        return revalidations::withdraw;
    }

    private static long offerId(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return ((Number) execution.getVariable("offerId")).longValue();
    }
}
