package fr.formaflow.organisation;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of processes/organisation-onboarding.bpmn. */
@Configuration
public class OnboardingDelegates {

    @Bean
    JavaDelegate openAccount(Onboarding onboarding) {
        return onboarding::openAccount;
    }

    @Bean
    JavaDelegate sendActivation(Onboarding onboarding) {
        return onboarding::sendActivation;
    }

    @Bean
    JavaDelegate tellKnownRequester(Onboarding onboarding) {
        return onboarding::tellKnownRequester;
    }

    @Bean
    JavaDelegate sendRefusal(Onboarding onboarding) {
        return onboarding::sendRefusal;
    }

    @Bean
    JavaDelegate sendExpiry(Onboarding onboarding) {
        return onboarding::sendExpiry;
    }
}
