package fr.formaflow.organisation;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of processes/delegation-request.bpmn: e-mails to both organisations, and the expiry. */
@Configuration
public class DelegationDelegates {

    @Bean
    JavaDelegate notifyDelegationRequested(Delegations delegations) {
        return delegations::notifyRequested;
    }

    @Bean
    JavaDelegate notifyDelegationAccepted(Delegations delegations) {
        return delegations::notifyAccepted;
    }

    @Bean
    JavaDelegate notifyDelegationRefused(Delegations delegations) {
        return delegations::notifyRefused;
    }

    @Bean
    JavaDelegate notifyDelegationEnded(Delegations delegations) {
        return delegations::notifyEnded;
    }

    @Bean
    JavaDelegate notifyDelegationExpired(Delegations delegations) {
        return delegations::notifyExpired;
    }

    @Bean
    JavaDelegate expireDelegationRequest(Delegations delegations) {
        return delegations::expire;
    }
}
