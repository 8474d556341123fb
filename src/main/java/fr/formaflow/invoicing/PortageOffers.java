package fr.formaflow.invoicing;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A portage platform's offers (seed 000: « Déposer un dossier de formation en cliquant sur l'offre qui vous
 * correspond »): who each one suits, by number of trainees, and its fee grid — the platform's fee as a percentage of
 * the training amount excl. VAT, the rate of the tier the whole amount falls in, never less than the offer's minimum
 * fee nor more than the training amount. « L'offre qui vous correspond » is the offer that suits the action and costs
 * it the least fee; the first listed on a tie. Pure rules, amounts in cents, fees rounded HALF_UP to the cent.
 */
public final class PortageOffers {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A tier of the grid: the rate for a training amount up to upToCents included (null: any amount above the previous tier). */
    public record Tier(Long upToCents, BigDecimal percent) {
    }

    public record Offer(String code, String name, String included, int minTrainees, Integer maxTrainees, long minimumFeeCents,
                        List<Tier> tiers) {
    }

    /** The action the organisation describes: how many trainees, for what training amount excl. VAT. */
    public record Situation(int trainees, long trainingCents) {
    }

    /** One offer for that action: does it suit it (otherwise why not), the rate and the fee it would cost. */
    public record Proposal(Offer offer, boolean fits, String whyNot, BigDecimal percent, long feeCents, boolean recommended) {
    }

    private PortageOffers() {
    }

    /** Every problem of an offer's definition, in French: an empty list when it can be offered. */
    public static List<String> problems(Offer offer) {
        List<String> problems = new ArrayList<>();
        String name = "Offre « " + offer.name() + " »";
        if (offer.minTrainees() < 1 || (offer.maxTrainees() != null && offer.maxTrainees() < offer.minTrainees())) {
            problems.add(name + " : le nombre de stagiaires doit aller d'au moins 1 à un maximum supérieur ou égal au minimum.");
        }
        if (offer.minimumFeeCents() < 0) {
            problems.add(name + " : les frais minimum ne peuvent pas être négatifs.");
        }
        if (offer.tiers().isEmpty() || offer.tiers().get(offer.tiers().size() - 1).upToCents() != null) {
            problems.add(name + " : la grille doit se terminer par une tranche sans plafond.");
        }
        Long previous = null;
        for (int i = 0; i < offer.tiers().size(); i++) {
            Tier tier = offer.tiers().get(i);
            if (tier.percent() == null || tier.percent().signum() < 0 || tier.percent().compareTo(HUNDRED) > 0) {
                problems.add(name + " : le taux de la tranche " + (i + 1) + " doit être compris entre 0 et 100 %.");
            }
            if (tier.upToCents() != null && previous != null && tier.upToCents() <= previous) {
                problems.add(name + " : les plafonds des tranches doivent être croissants.");
            }
            if (tier.upToCents() == null && i < offer.tiers().size() - 1) {
                problems.add(name + " : seule la dernière tranche peut être sans plafond.");
            }
            previous = tier.upToCents() == null ? previous : tier.upToCents();
        }
        return problems;
    }

    /** The tier the whole training amount falls in. */
    public static Tier tier(Offer offer, long trainingCents) {
        return offer.tiers().stream().filter(t -> t.upToCents() == null || trainingCents <= t.upToCents()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("La grille de l'offre « " + offer.name() + " » n'a pas de tranche sans plafond."));
    }

    /** The platform's fee for a training amount: the tier's rate, at least the minimum fee, at most the training amount. */
    public static long feeCents(Offer offer, long trainingCents) {
        if (trainingCents < 0) {
            throw new IllegalArgumentException("Le montant de la formation ne peut pas être négatif.");
        }
        long byRate = BigDecimal.valueOf(trainingCents).multiply(tier(offer, trainingCents).percent())
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        return Math.min(trainingCents, Math.max(byRate, offer.minimumFeeCents()));
    }

    /** Why the offer does not suit this many trainees, or empty when it does. */
    public static Optional<String> whyNot(Offer offer, int trainees) {
        if (trainees >= offer.minTrainees() && (offer.maxTrainees() == null || trainees <= offer.maxTrainees())) {
            return Optional.empty();
        }
        String range = offer.maxTrainees() == null ? "à partir de " + offer.minTrainees() + " stagiaire" + (offer.minTrainees() > 1 ? "s" : "")
                : "de " + offer.minTrainees() + " à " + offer.maxTrainees() + " stagiaires";
        return Optional.of("L'offre « " + offer.name() + " » est réservée aux actions " + range + " ; la vôtre en compte " + trainees + ".");
    }

    /** Every offer for this action, in the platform's order, the one that corresponds to it marked as recommended. */
    public static List<Proposal> propose(List<Offer> offers, Situation situation) {
        if (situation.trainees() < 1) {
            throw new BusinessRuleException("Indiquez le nombre de stagiaires de l'action pour trouver l'offre qui lui correspond.");
        }
        if (situation.trainingCents() < 0) {
            throw new BusinessRuleException("Le montant de la formation ne peut pas être négatif.");
        }
        Optional<Offer> best = offers.stream().filter(o -> whyNot(o, situation.trainees()).isEmpty())
                .min(Comparator.comparingLong(o -> feeCents(o, situation.trainingCents())));
        return offers.stream().map(o -> new Proposal(o, whyNot(o, situation.trainees()).isEmpty(), whyNot(o, situation.trainees()).orElse(null),
                tier(o, situation.trainingCents()).percent(), feeCents(o, situation.trainingCents()),
                best.map(b -> b == o).orElse(false))).toList();
    }

    /** The grid in one French line: « 12 % jusqu'à 5 000,00 € ; 10 % au-delà ; minimum 150,00 € ». */
    public static String describe(Offer offer) {
        List<String> parts = new ArrayList<>();
        for (Tier tier : offer.tiers()) {
            parts.add(French.number(tier.percent()) + " %" + (tier.upToCents() == null
                    ? (offer.tiers().size() == 1 ? " du montant de la formation" : " au-delà") : " jusqu'à " + French.euros(tier.upToCents())));
        }
        if (offer.minimumFeeCents() > 0) {
            parts.add("minimum " + French.euros(offer.minimumFeeCents()));
        }
        return String.join(" ; ", parts) + " (HT)";
    }
}
