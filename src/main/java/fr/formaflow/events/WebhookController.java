package fr.formaflow.events;

import fr.formaflow.funder.FunderRepository;
import fr.formaflow.organisation.OrganisationAdmin;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Receivers of events (webhooks) of an organisation (its administrators) or of a funder (its validators), and their delivery log. */
@RestController
@Transactional
public class WebhookController {

    public record NewWebhook(String url) {
    }

    public record Registered(long id, String url, String secret) {
    }

    public record DeliveryLine(long id, String eventId, long dossierId, long sequence, String status, int attempts,
                               Integer lastStatusCode, String lastError, LocalDateTime deliveredAt) {
    }

    public record WebhookLine(long id, String url, LocalDateTime createdAt, String createdBy, List<DeliveryLine> deliveries) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final OrganisationAdmin organisations;
    private final FunderRepository funders;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookController(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, OrganisationAdmin organisations,
                             FunderRepository funders, CurrentUser currentUser, Clock clock, WebhookTargets targets) {
        this.targets = targets;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.organisations = organisations;
        this.funders = funders;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PostMapping("/api/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer un destinataire d'événements ; le secret de signature n'est montré qu'une fois")
    public Registered register(@RequestBody NewWebhook body) {
        String url = targets.checkRegistration(body == null ? null : body.url()).toString();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Webhook webhook = webhooks.save(new Webhook(ownerGroup(), url, secret, clock.now(), currentUser.id()));
        return new Registered(webhook.getId(), webhook.getUrl(), secret);
    }

    @GetMapping("/api/webhooks")
    @Operation(summary = "Mes destinataires d'événements et leur journal de livraison (50 dernières livraisons)")
    public List<WebhookLine> list() {
        return webhooks.findByOwnerGroupIn(List.of(ownerGroup())).stream().map(w -> new WebhookLine(w.getId(), w.getUrl(), w.getCreatedAt(),
                w.getCreatedBy(), deliveries.findTop50ByWebhookIdOrderByIdDesc(w.getId()).stream().map(d -> new DeliveryLine(d.getId(),
                d.getEventId(), d.getDossierId(), d.getSequence(), d.getStatus().name(), d.getAttempts(), d.getLastStatusCode(),
                d.getLastError(), d.getDeliveredAt())).toList())).toList();
    }

    @DeleteMapping("/api/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer un destinataire d'événements")
    public void delete(@PathVariable long id) {
        Webhook webhook = webhooks.findById(id).filter(w -> w.getOwnerGroup().equals(ownerGroup()))
                .orElseThrow(() -> new NotFoundException("Ce destinataire n'existe pas."));
        webhooks.delete(webhook);
    }

    /** An organisation's administrator registers for the organisation, a funder's validator for the funder. */
    private String ownerGroup() {
        List<String> owners = new ArrayList<>();
        // a validator registers for their own group: a Formiris head office's validator for the national dossiers
        currentUser.groups().stream().filter(g -> funders.findValidatedBy(List.of(g)).size() == 1).forEach(owners::add);
        if (owners.isEmpty()) {
            owners.add(organisations.requireAdmin().getGroupId());
        }
        if (owners.size() > 1) {
            throw new AccessDeniedException("Votre compte relève de plusieurs financeurs : demandez à l'exploitation d'enregistrer ce destinataire.");
        }
        return owners.get(0);
    }
}
