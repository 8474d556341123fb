package fr.formaflow.process.steps;

import fr.formaflow.catalogue.Offers;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.StepDecision;
import org.springframework.stereotype.Component;

/**
 * The funder's validation of a submission is the notification of its funding: the action is then entered in the
 * catalogue (seed 004: « dès notification du conventionnement, l'organisme doit saisir l'action »).
 */
@Component
public class FundingNotified implements StepDecision {

    private final Offers offers;

    public FundingNotified(Offers offers) {
        this.offers = offers;
    }

    @Override
    public String key() {
        return "SUBMISSION";
    }

    @Override
    public String details(StepContext context) {
        return null;
    }

    @Override
    public void decide(StepContext context, boolean approved, String reason) {
        if (approved) {
            offers.createFromDossier(context.dossierId());
        }
    }
}
