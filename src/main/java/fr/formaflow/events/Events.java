package fr.formaflow.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.DossierPhaseChanged;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NumberSequences;
import fr.formaflow.platform.Processes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a dossier's state changes to other systems. The event is stored, numbered per dossier, in the same
 * transaction as the change (nothing is announced that did not happen, nothing that happened is lost); each
 * registered receiver of the dossier's organisation or funder gets it through a process of its own
 * (processes/webhook-delivery.bpmn), whose asynchronous step retries with back-off, so a receiver that is down
 * never blocks a user.
 */
@Service
@Transactional
public class Events {

    public static final String DELIVERY_PROCESS = "webhookDelivery";

    private final DomainEventRepository events;
    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final NumberSequences sequences;
    private final Processes processes;
    private final ObjectMapper json;
    private final Clock clock;

    public Events(DomainEventRepository events, WebhookRepository webhooks, WebhookDeliveryRepository deliveries, NumberSequences sequences,
                  Processes processes, ObjectMapper json, Clock clock) {
        this.events = events;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.sequences = sequences;
        this.processes = processes;
        this.json = json;
        this.clock = clock;
    }

    public DomainEvent publish(TrainingAction action, String type, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        long sequence = sequences.next("events:" + action.getId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("type", type);
        payload.put("occurredAt", clock.now().toString());
        payload.put("sequence", sequence);
        payload.put("dossier", Map.of("id", action.getId(), "contractNumber", action.getContractNumber(), "title", action.getTitle()));
        payload.put("organisationSiret", action.getOrganisation().getSiret());
        payload.put("funderCode", action.getFunder().getCode());
        payload.put("data", data);
        DomainEvent event = events.save(new DomainEvent(id, action.getId(), sequence, type, write(payload), clock.now()));
        for (Webhook webhook : webhooks.receiversOf(action.getOrganisation().getGroupId(), action.getValidatorGroupId())) {
            WebhookDelivery delivery = deliveries.save(new WebhookDelivery(webhook.getId(), event));
            processes.start(DELIVERY_PROCESS, "webhook-" + delivery.getId(),
                    Map.of("deliveryId", delivery.getId(), "eventType", type, "contractNumber", action.getContractNumber()));
        }
        return event;
    }

    @EventListener
    public void phaseChanged(DossierPhaseChanged change) {
        publish(change.action(), "dossier.phase_changed", Map.of("phase", change.phase().name(), "label", change.phase().label()));
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
