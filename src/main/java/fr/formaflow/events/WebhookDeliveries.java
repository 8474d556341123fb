package fr.formaflow.events;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one event to one receiver: a JSON POST signed with the receiver's secret (header X-Formaflow-Signature:
 * sha256=HMAC-SHA256 of the body). Events of a dossier go out in order: a delivery waits until the earlier ones went
 * through (the process waits and tries again). A failure is written to the delivery log in a transaction of its own, then thrown, so that the engine
 * retries the job with back-off and, at the end, shows an incident in Cockpit.
 */
@Service
public class WebhookDeliveries {

    static final String SIGNATURE_HEADER = "X-Formaflow-Signature";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final WebhookDeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final DomainEventRepository events;
    private final DeliveryLog log;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookRepository webhooks, DomainEventRepository events,
                             DeliveryLog log, Clock clock, WebhookTargets targets) {
        this.targets = targets;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    /** Returns false when an earlier event of the same dossier has not reached this receiver yet: the process waits. */
    @Transactional
    public boolean deliver(long deliveryId) {
        Optional<WebhookDelivery> found = deliveries.findById(deliveryId);
        Optional<Webhook> webhook = found.flatMap(d -> webhooks.findById(d.getWebhookId()));
        if (found.isEmpty() || webhook.isEmpty() || found.get().getStatus() == WebhookDelivery.Status.DELIVERED) {
            return true; // receiver removed meanwhile, or already delivered
        }
        WebhookDelivery delivery = found.get();
        if (deliveries.countByWebhookIdAndDossierIdAndSequenceLessThanAndStatus(delivery.getWebhookId(), delivery.getDossierId(),
                delivery.getSequence(), WebhookDelivery.Status.PENDING) > 0) {
            return false;
        }
        DomainEvent event = events.findById(delivery.getEventId()).orElseThrow();
        URI target = URI.create(webhook.get().getUrl());
        try {
            // the name may point elsewhere since the receiver was registered: its addresses are checked again now
            targets.checkResolved(target);
        } catch (BusinessRuleException refused) {
            throw log.failed(deliveryId, null, refused.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Formaflow-Event", event.getType())
                .header("X-Formaflow-Delivery", Long.toString(deliveryId))
                .header(SIGNATURE_HEADER, "sha256=" + sign(webhook.get().getSecret(), event.getPayload()))
                .POST(HttpRequest.BodyPublishers.ofString(event.getPayload(), StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw log.failed(deliveryId, null, "Destinataire injoignable : " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw log.failed(deliveryId, null, "Envoi interrompu.");
        }
        if (status < 200 || status >= 300) {
            throw log.failed(deliveryId, status, "Le destinataire a répondu " + status + ".");
        }
        delivery.delivered(status, clock.now());
        return true;
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Failed attempts are logged even though the delivery's own transaction rolls back for the retry. */
    @Service
    public static class DeliveryLog {

        private final WebhookDeliveryRepository deliveries;

        public DeliveryLog(WebhookDeliveryRepository deliveries) {
            this.deliveries = deliveries;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public WebhookNotDelivered failed(long deliveryId, Integer status, String error) {
            deliveries.findById(deliveryId).ifPresent(d -> d.failed(status, error));
            return new WebhookNotDelivered(error);
        }
    }

    public static class WebhookNotDelivered extends RuntimeException {
        public WebhookNotDelivered(String message) {
            super(message);
        }
    }
}
