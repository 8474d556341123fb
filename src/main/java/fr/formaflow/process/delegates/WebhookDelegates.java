package fr.formaflow.process.delegates;

import fr.formaflow.events.WebhookDeliveries;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of processes/webhook-delivery.bpmn: one event to one receiver, or wait for the earlier ones. */
@Configuration
public class WebhookDelegates {

    @Bean
    JavaDelegate deliverWebhook(WebhookDeliveries deliveries) {
        return execution -> execution.setVariable("waitingForEarlierEvent",
                !deliveries.deliver(((Number) execution.getVariable("deliveryId")).longValue()));
    }
}
