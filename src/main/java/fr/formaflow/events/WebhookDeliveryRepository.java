package fr.formaflow.events;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    /** Deliveries of earlier events of the same dossier to the same receiver that have not gone through yet. */
    long countByWebhookIdAndDossierIdAndSequenceLessThanAndStatus(Long webhookId, Long dossierId, long sequence, WebhookDelivery.Status status);

    List<WebhookDelivery> findTop50ByWebhookIdOrderByIdDesc(Long webhookId);
}
