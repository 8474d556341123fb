package fr.formaflow.organisation;

import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.notification.Notifications;
import fr.formaflow.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Formiris' « proposition d'offre de service » (seed 001): a validator sends it to an organisation, for the scope of the
 * validator's own group (the association territoriale's validators send regional ones, the head office's national ones);
 * the organisation's users complete and return it; the validators of that scope accept or reject it with reasons. Each
 * side is told (notification and e-mail). Only the organisation and those validators see it, as if nobody else's existed.
 */
@Service
@Transactional
public class ServiceOffers {

    private final ServiceOfferRepository offers;
    private final FunderRepository funders;
    private final OrganisationRepository organisations;
    private final CurrentUser currentUser;
    private final Notifications notifications;
    private final Clock clock;

    public ServiceOffers(ServiceOfferRepository offers, FunderRepository funders, OrganisationRepository organisations,
                         CurrentUser currentUser, Notifications notifications, Clock clock) {
        this.offers = offers;
        this.funders = funders;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ServiceOffer> visible() {
        List<String> groups = currentUser.groups();
        return currentUser.isOperator() ? offers.findAllByOrderBySentAtDescIdDesc()
                : offers.findByOrganisationGroupIdInOrValidatorGroupIdInOrderBySentAtDescIdDesc(groups, groups);
    }

    @Transactional(readOnly = true)
    public ServiceOffer get(long id) {
        ServiceOffer offer = offers.findById(id).orElse(null);
        if (offer == null || !(currentUser.isOperator() || isOrganisationOf(offer) || isValidatorOf(offer))) {
            throw new NotFoundException("La proposition d'offre de service n° " + id + " n'existe pas.");
        }
        return offer;
    }

    public boolean isOrganisationOf(ServiceOffer offer) {
        return currentUser.isIn(offer.getOrganisation().getGroupId());
    }

    public boolean isValidatorOf(ServiceOffer offer) {
        return currentUser.isIn(offer.getValidatorGroupId());
    }

    public ServiceOffer send(String funderCode, String siret) {
        Funder funder = funders.findByCode(funderCode == null ? "" : funderCode.strip())
                .orElseThrow(() -> new BusinessRuleException("Aucun financeur n'a le code « " + funderCode + " »."));
        GeographicScope scope = senderScope(funder);
        String digits = siret == null ? "" : siret.replaceAll("\\s", "");
        Organisation organisation = organisations.findBySiret(digits)
                .orElseThrow(() -> new BusinessRuleException("Aucun organisme de formation n'a le SIRET « " + digits
                        + " » : il doit d'abord demander son accès à Formaflow (page « Mon compte »)."));
        ServiceOffer offer = offers.save(new ServiceOffer(funder, scope, organisation, currentUser.id(), clock.now()));
        notifications.sendAndEmail(organisation.getGroupId(), null, "Proposition d'offre de service de " + funder.getName() + " à compléter",
                funder.getName() + " vous envoie une proposition d'offre de service (n° " + offer.getId() + "). Complétez-la et renvoyez-la "
                        + "depuis la page « Mon compte » de Formaflow ; " + funder.getName() + " vous informera de sa décision.");
        return offer;
    }

    public ServiceOffer answer(long id, ServiceOfferAnswer answer) {
        ServiceOffer offer = get(id);
        if (!isOrganisationOf(offer)) {
            throw new AccessDeniedException("Seul l'organisme de formation destinataire peut compléter et renvoyer cette proposition.");
        }
        BusinessRuleException.throwIfAny("La proposition d'offre de service n'est pas renvoyée :", answer.problems());
        offer.answer(answer, currentUser.id(), clock.now());
        notifications.send(offer.getValidatorGroupId(), null, "Proposition d'offre de service renvoyée par " + offer.getOrganisation().getName(),
                offer.getOrganisation().getName() + " a complété et renvoyé la proposition d'offre de service n° " + offer.getId()
                        + " : elle attend votre décision.");
        return offer;
    }

    public ServiceOffer decide(long id, boolean accepted, String reason) {
        ServiceOffer offer = get(id);
        if (!isValidatorOf(offer)) {
            throw new AccessDeniedException("Seuls les valideurs de " + offer.getFunder().getName() + " qui l'ont envoyée peuvent examiner "
                    + "cette proposition.");
        }
        offer.decide(accepted, reason, currentUser.id(), clock.now());
        notifications.sendAndEmail(offer.getOrganisation().getGroupId(), null, "Proposition d'offre de service "
                        + (accepted ? "validée" : "rejetée") + " par " + offer.getFunder().getName(),
                "Votre proposition d'offre de service n° " + offer.getId() + " a été " + (accepted ? "validée." : "rejetée. Motifs : "
                        + offer.getDecisionReason()));
        return offer;
    }

    /** The sender's scope comes from their own validator group, never from the request. */
    private GeographicScope senderScope(Funder funder) {
        if (funder.hasScopes() && currentUser.isIn(funder.validatorGroupFor(GeographicScope.NATIONAL))) {
            return GeographicScope.NATIONAL;
        }
        if (currentUser.isIn(funder.validatorGroupFor(GeographicScope.REGIONAL))) {
            return funder.hasScopes() ? GeographicScope.REGIONAL : null;
        }
        throw new AccessDeniedException("Seuls les valideurs de " + funder.getName() + " peuvent envoyer sa proposition d'offre de service.");
    }
}
