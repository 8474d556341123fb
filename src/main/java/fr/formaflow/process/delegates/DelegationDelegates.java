package fr.formaflow.process.delegates;

import fr.formaflow.organisation.Delegations;
import fr.formaflow.process.DelegationAccess;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of processes/delegation-request.bpmn: e-mails to both organisations, and the expiry. */
@Configuration
public class DelegationDelegates {

    @Bean
    JavaDelegate notifyDelegationRequested(Delegations delegations) {
        return execution -> delegations.notifyRequested(DelegationAccess.delegationId(execution));
    }

    @Bean
    JavaDelegate notifyDelegationAccepted(Delegations delegations) {
        return execution -> delegations.notifyAccepted(DelegationAccess.delegationId(execution));
    }

    @Bean
    JavaDelegate notifyDelegationRefused(Delegations delegations) {
        return execution -> delegations.notifyRefused(DelegationAccess.delegationId(execution));
    }

    @Bean
    JavaDelegate notifyDelegationEnded(Delegations delegations) {
        return execution -> delegations.notifyEnded(DelegationAccess.delegationId(execution));
    }

    @Bean
    JavaDelegate notifyDelegationExpired(Delegations delegations) {
        return execution -> delegations.notifyExpired(DelegationAccess.delegationId(execution));
    }

    @Bean
    JavaDelegate expireDelegationRequest(Delegations delegations) {
        return execution -> delegations.expire(DelegationAccess.delegationId(execution));
    }
}
