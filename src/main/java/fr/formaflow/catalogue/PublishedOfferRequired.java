package fr.formaflow.catalogue;

import fr.formaflow.dossier.OpeningCondition;
import fr.formaflow.dossier.TrainingAction;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seed 004: an action that is not entered in the catalogue cannot be funded. Where the funder requires it, the
 * action opens only once its offer is published.
 */
@Component
public class PublishedOfferRequired implements OpeningCondition {

    private final Offers offers;

    public PublishedOfferRequired(Offers offers) {
        this.offers = offers;
    }

    @Override
    public Optional<String> refusal(TrainingAction action) {
        if (!action.getFunder().isPublishedOfferRequired() || offers.isPublished(action.getId())) {
            return Optional.empty();
        }
        return Optional.of("L'action ne peut pas être ouverte : " + action.getFunder().getName()
                + " ne finance que les actions publiées au catalogue de l'offre de formation. Complétez l'offre de cette action"
                + " (tâche « Compléter l'offre ») et attendez sa publication par le financeur.");
    }
}
