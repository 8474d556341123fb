package fr.formaflow.process.delegates;

import fr.formaflow.organisation.Onboarding;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of processes/organisation-onboarding.bpmn. */
@Configuration
public class OnboardingDelegates {

    @Bean
    JavaDelegate openAccount(Onboarding onboarding) {
        return execution -> onboarding.openAccount(execution.getVariables());
    }

    @Bean
    JavaDelegate sendActivation(Onboarding onboarding) {
        return execution -> onboarding.sendActivation(execution.getVariables());
    }

    @Bean
    JavaDelegate tellKnownRequester(Onboarding onboarding) {
        return execution -> onboarding.tellKnownRequester(execution.getVariables());
    }

    @Bean
    JavaDelegate sendRefusal(Onboarding onboarding) {
        return execution -> onboarding.sendRefusal(execution.getVariables());
    }

    @Bean
    JavaDelegate sendExpiry(Onboarding onboarding) {
        return execution -> onboarding.sendExpiry(execution.getVariables());
    }
}
