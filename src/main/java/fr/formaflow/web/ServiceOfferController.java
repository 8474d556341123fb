package fr.formaflow.web;

import fr.formaflow.documents.ServiceOfferPdf;
import fr.formaflow.organisation.ServiceOffer;
import fr.formaflow.organisation.ServiceOfferAnswer;
import fr.formaflow.organisation.ServiceOffers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Formiris' « proposition d'offre de service » (seed 001): sent, completed and returned, then accepted or rejected. */
@RestController
@Tag(name = "Organismes")
public class ServiceOfferController {

    public record SendRequest(String funderCode, String siret) {
    }

    public record Decision(Boolean accepted, String reason) {
    }

    public record ServiceOfferView(long id, String funderCode, String funderName, String organisationName, String siret, String scope,
                                   String status, String statusLabel, String sentBy, LocalDateTime sentAt, String trainingDomains,
                                   String audiences, String interventionArea, String trainers, String references, BigDecimal dailyRate,
                                   String signatoryName, String signatoryRole, String returnedBy, LocalDateTime returnedAt, String decidedBy,
                                   LocalDateTime decidedAt, String decisionReason, boolean canAnswer, boolean canDecide) {
    }

    private final ServiceOffers offers;

    public ServiceOfferController(ServiceOffers offers) {
        this.offers = offers;
    }

    @GetMapping("/api/service-offers")
    @Transactional(readOnly = true)
    @Operation(summary = "Les propositions d'offre de service de mon organisme, ou celles que mon financeur a envoyées")
    public List<ServiceOfferView> list() {
        return offers.visible().stream().map(this::view).toList();
    }

    @GetMapping("/api/service-offers/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "Une proposition d'offre de service et son statut")
    public ServiceOfferView get(@PathVariable long id) {
        return view(offers.get(id));
    }

    @PostMapping("/api/service-offers")
    @Transactional
    @Operation(summary = "Envoyer une proposition d'offre de service à un organisme, par son SIRET (valideurs du financeur)")
    public ServiceOfferView send(@RequestBody SendRequest request) {
        return view(offers.send(request.funderCode(), request.siret()));
    }

    @PutMapping("/api/service-offers/{id}/answer")
    @Transactional
    @Operation(summary = "Compléter et renvoyer la proposition (organisme destinataire)")
    public ServiceOfferView answer(@PathVariable long id, @RequestBody ServiceOfferAnswer answer) {
        return view(offers.answer(id, answer));
    }

    @PostMapping("/api/service-offers/{id}/decision")
    @Transactional
    @Operation(summary = "Valider la proposition, ou la rejeter avec ses motifs (valideurs qui l'ont envoyée)")
    public ServiceOfferView decide(@PathVariable long id, @RequestBody Decision decision) {
        if (decision.accepted() == null) {
            throw new fr.formaflow.platform.BusinessRuleException("Indiquez si la proposition est validée ou rejetée (« accepted »).");
        }
        return view(offers.decide(id, decision.accepted(), decision.reason()));
    }

    @GetMapping("/api/service-offers/{id}/pdf")
    @Transactional(readOnly = true)
    @Operation(summary = "La proposition d'offre de service en PDF, vierge ou complétée")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        ServiceOffer offer = offers.get(id);
        return PdfDownload.attachment(ServiceOfferPdf.filename(offer), ServiceOfferPdf.render(offer));
    }

    private ServiceOfferView view(ServiceOffer o) {
        return new ServiceOfferView(o.getId(), o.getFunder().getCode(), o.getFunder().getName(), o.getOrganisation().getName(),
                o.getOrganisation().getSiret(), o.getScope() == null ? null : o.getScope().label(), o.getStatus().name(), o.getStatus().label(),
                o.getSentBy(), o.getSentAt(), o.getTrainingDomains(), o.getAudiences(), o.getInterventionArea(), o.getTrainers(),
                o.getReferences(), o.dailyRate(), o.getSignatoryName(), o.getSignatoryRole(), o.getReturnedBy(), o.getReturnedAt(),
                o.getDecidedBy(), o.getDecidedAt(), o.getDecisionReason(),
                o.getStatus() == ServiceOffer.Status.SENT && offers.isOrganisationOf(o),
                o.getStatus() == ServiceOffer.Status.RETURNED && offers.isValidatorOf(o));
    }
}
