package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.formaflow.platform.BusinessRuleException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortageOffersTest {

    static final PortageOffers.Offer ESSENTIAL = new PortageOffers.Offer("ESSENTIEL", "Essentiel", "Convention", 1, 3, 150_00,
            List.of(new PortageOffers.Tier(3_000_00L, new BigDecimal("12")), new PortageOffers.Tier(null, new BigDecimal("10"))));
    static final PortageOffers.Offer GROUP = new PortageOffers.Offer("GROUPE", "Groupe", "Convention", 4, 12, 300_00,
            List.of(new PortageOffers.Tier(10_000_00L, new BigDecimal("9")), new PortageOffers.Tier(null, new BigDecimal("7"))));
    static final PortageOffers.Offer TAILORED = new PortageOffers.Offer("SUR_MESURE", "Intra-entreprise sur mesure", "Convention", 1,
            null, 500_00, List.of(new PortageOffers.Tier(null, new BigDecimal("8"))));
    static final List<PortageOffers.Offer> OFFERS = List.of(ESSENTIAL, GROUP, TAILORED);

    @Test
    void theWholeAmountTakesTheRateOfItsTierRoundedHalfUpToTheCent() {
        assertThat(PortageOffers.feeCents(ESSENTIAL, 1_960_00)).isEqualTo(235_20);
        assertThat(PortageOffers.feeCents(ESSENTIAL, 3_000_00)).as("the ceiling is in its tier").isEqualTo(360_00);
        assertThat(PortageOffers.feeCents(ESSENTIAL, 3_000_01)).as("one cent above: 10 % of all of it").isEqualTo(300_00);
        assertThat(PortageOffers.feeCents(GROUP, 12_345_67)).as("7 % of 12 345,67 € = 864,1969 €").isEqualTo(864_20);
        assertThat(PortageOffers.feeCents(ESSENTIAL, 1_000_05)).as("12 % of 1 000,05 € = 120,006 €: the minimum").isEqualTo(150_00);
    }

    @Test
    void theFeeIsAtLeastTheMinimumAndNeverMoreThanTheTraining() {
        assertThat(PortageOffers.feeCents(TAILORED, 5_000_00)).as("8 % = 400,00 €, below 500,00 €").isEqualTo(500_00);
        assertThat(PortageOffers.feeCents(TAILORED, 300_00)).as("capped by the training amount").isEqualTo(300_00);
        assertThat(PortageOffers.feeCents(TAILORED, 0)).isZero();
        assertThatThrownBy(() -> PortageOffers.feeCents(TAILORED, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOfferThatCorrespondsSuitsTheTraineesAndCostsTheLeastFee() {
        // 2 trainees, 2 100,00 €: Essentiel 252,00 €, Sur mesure 500,00 €, Groupe does not suit
        assertThat(PortageOffers.propose(OFFERS, new PortageOffers.Situation(2, 2_100_00)))
                .extracting(p -> p.offer().code(), PortageOffers.Proposal::fits, PortageOffers.Proposal::feeCents, PortageOffers.Proposal::recommended)
                .containsExactly(tuple("ESSENTIEL", true, 252_00L, true), tuple("GROUPE", false, 300_00L, false),
                        tuple("SUR_MESURE", true, 500_00L, false));
        // 5 trainees, 20 000,00 €: Groupe 1 400,00 € against Sur mesure 1 600,00 €
        assertThat(PortageOffers.propose(OFFERS, new PortageOffers.Situation(5, 20_000_00))).filteredOn(PortageOffers.Proposal::recommended)
                .extracting(p -> p.offer().code()).containsExactly("GROUPE");
        // 15 trainees: only Sur mesure suits, dear as it is
        List<PortageOffers.Proposal> fifteen = PortageOffers.propose(OFFERS, new PortageOffers.Situation(15, 2_000_00));
        assertThat(fifteen).filteredOn(PortageOffers.Proposal::recommended).extracting(p -> p.offer().code()).containsExactly("SUR_MESURE");
        assertThat(fifteen.get(0).whyNot()).isEqualTo("L'offre « Essentiel » est réservée aux actions de 1 à 3 stagiaires ; la vôtre en compte 15.");
        assertThat(PortageOffers.whyNot(TAILORED, 15)).isEmpty();
        // a tie goes to the first offer listed
        PortageOffers.Offer twin = new PortageOffers.Offer("JUMELLE", "Jumelle", "Convention", 1, 3, 150_00, ESSENTIAL.tiers());
        assertThat(PortageOffers.propose(List.of(twin, ESSENTIAL), new PortageOffers.Situation(2, 2_100_00)))
                .extracting(PortageOffers.Proposal::recommended).containsExactly(true, false);
    }

    @Test
    void noOfferIsRecommendedWhenNoneSuitsAndTheActionMustBeDescribed() {
        assertThat(PortageOffers.propose(List.of(ESSENTIAL, GROUP), new PortageOffers.Situation(13, 2_000_00)))
                .noneMatch(PortageOffers.Proposal::recommended);
        assertThatThrownBy(() -> PortageOffers.propose(OFFERS, new PortageOffers.Situation(0, 2_000_00)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("nombre de stagiaires");
    }

    @Test
    void aGridIsDescribedInFrenchAndAWrongOneIsRefusedWithEveryProblemNamed() {
        assertThat(PortageOffers.describe(ESSENTIAL)).isEqualTo("12 % jusqu'à 3\u202f000,00\u00a0€ ; 10 % au-delà ; minimum 150,00\u00a0€ (HT)");
        assertThat(PortageOffers.describe(TAILORED)).isEqualTo("8 % du montant de la formation ; minimum 500,00\u00a0€ (HT)");
        assertThat(PortageOffers.problems(ESSENTIAL)).isEmpty();
        PortageOffers.Offer wrong = new PortageOffers.Offer("X", "Bancale", "", 5, 2, -1, List.of(
                new PortageOffers.Tier(5_000_00L, new BigDecimal("101")), new PortageOffers.Tier(null, new BigDecimal("5")),
                new PortageOffers.Tier(1_000_00L, new BigDecimal("5"))));
        assertThat(PortageOffers.problems(wrong)).containsExactly(
                "Offre « Bancale » : le nombre de stagiaires doit aller d'au moins 1 à un maximum supérieur ou égal au minimum.",
                "Offre « Bancale » : les frais minimum ne peuvent pas être négatifs.",
                "Offre « Bancale » : la grille doit se terminer par une tranche sans plafond.",
                "Offre « Bancale » : le taux de la tranche 1 doit être compris entre 0 et 100 %.",
                "Offre « Bancale » : seule la dernière tranche peut être sans plafond.",
                "Offre « Bancale » : les plafonds des tranches doivent être croissants.");
        assertThatThrownBy(() -> new PortageOffer(1L, 1, wrong)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("L'offre de portage ne peut pas être enregistrée");
    }
}
