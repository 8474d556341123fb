package fr.formaflow.invoicing;

import static fr.formaflow.invoicing.InvoiceKind.ADVANCE_1;
import static fr.formaflow.invoicing.InvoiceKind.ADVANCE_2;
import static fr.formaflow.invoicing.InvoiceKind.ADVANCE_3;
import static fr.formaflow.invoicing.InvoiceKind.QUARTERLY;
import static fr.formaflow.invoicing.InvoiceKind.QUARTERLY_FALLBACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.funder.PaymentMode;
import fr.formaflow.invoicing.InvoiceSchedule.Confirmation;
import fr.formaflow.invoicing.InvoiceSchedule.Decision;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvoiceScheduleTest {

    private static YearMonth ym(int year, int month) {
        return YearMonth.of(year, month);
    }

    /** Plays an action month by month, keeping what the caller would store between confirmations. */
    private static final class Action {
        private final PaymentMode mode;
        private final YearMonth first;
        private final YearMonth last;
        private final List<BigDecimal> thresholds;
        private final List<YearMonth> pending = new ArrayList<>();
        private int advancesIssued;
        private int monthsSinceLastInvoice;

        Action(PaymentMode mode, YearMonth first, YearMonth last) {
            this(mode, first, last, InvoiceSchedule.DEFAULT_THRESHOLDS);
        }

        Action(PaymentMode mode, YearMonth first, YearMonth last, List<BigDecimal> thresholds) {
            this.mode = mode;
            this.first = first;
            this.last = last;
            this.thresholds = thresholds;
        }

        Decision confirm(YearMonth month, String rate) {
            pending.add(month);
            monthsSinceLastInvoice++;
            Decision decision = InvoiceSchedule.decide(new Confirmation(mode, first, pending, month, month.equals(last),
                    new BigDecimal(rate), advancesIssued, thresholds, monthsSinceLastInvoice));
            if (decision.invoiceDue()) {
                pending.removeAll(decision.coveredMonths());
                monthsSinceLastInvoice = 0;
                if (decision.kind().name().startsWith("ADVANCE_")) {
                    advancesIssued++;
                }
            }
            return decision;
        }
    }

    @Test
    void paymentModesCarryTheLabelsTheOrganisationSees() {
        assertThat(PaymentMode.MONTHLY.label()).isEqualTo("Mensuel");
        assertThat(PaymentMode.QUARTERLY.label()).isEqualTo("Trimestriel");
        assertThat(PaymentMode.THREE_ADVANCES.label()).isEqualTo("Trois acomptes");
    }

    @Nested
    class Monthly {

        @Test
        void eachConfirmedMonthIsInvoicedAloneAndAtOnce() {
            Action action = new Action(PaymentMode.MONTHLY, ym(2006, 9), ym(2006, 11));

            Decision september = action.confirm(ym(2006, 9), "10");
            assertThat(september.invoiceDue()).isTrue();
            assertThat(september.kind()).isEqualTo(InvoiceKind.MONTHLY);
            assertThat(september.coveredMonths()).containsExactly(ym(2006, 9));
            assertThat(september.explanation()).isEqualTo("Paiement mensuel : la déclaration de septembre 2006 est facturée.");

            assertThat(action.confirm(ym(2006, 10), "20").coveredMonths()).containsExactly(ym(2006, 10));
            Decision lastMonth = action.confirm(ym(2006, 11), "100");
            assertThat(lastMonth.invoiceDue()).isTrue();
            assertThat(lastMonth.coveredMonths()).containsExactly(ym(2006, 11));
        }

        @Test
        void otherPendingMonthsAreNotAddedToAMonthlyInvoice() {
            Decision decision = InvoiceSchedule.decide(new Confirmation(PaymentMode.MONTHLY, ym(2007, 1),
                    List.of(ym(2007, 2), ym(2007, 3)), ym(2007, 3), false, BigDecimal.TEN, 0, 1));

            assertThat(decision.coveredMonths()).containsExactly(ym(2007, 3));
            assertThat(decision.explanation()).contains("de mars 2007");
        }
    }

    @Nested
    class Quarterly {

        @Test
        void quartersAreCountedFromTheActionsStart() {
            // seed 003 §3.6.1.1: février – mars – avril 2007, mai – juin – juillet 2007
            YearMonth february = ym(2007, 2);
            assertThat(InvoiceSchedule.quarterOf(february, ym(2007, 2))).containsExactly(ym(2007, 2), ym(2007, 3), ym(2007, 4));
            assertThat(InvoiceSchedule.quarterOf(february, ym(2007, 4))).containsExactly(ym(2007, 2), ym(2007, 3), ym(2007, 4));
            assertThat(InvoiceSchedule.quarterOf(february, ym(2007, 5))).containsExactly(ym(2007, 5), ym(2007, 6), ym(2007, 7));
            assertThat(InvoiceSchedule.quarterOf(february, ym(2007, 7))).containsExactly(ym(2007, 5), ym(2007, 6), ym(2007, 7));
            assertThat(InvoiceSchedule.quarterOf(ym(2006, 11), ym(2007, 1))).containsExactly(ym(2006, 11), ym(2006, 12), ym(2007, 1));
        }

        @Test
        void invoicesWhenAQuartersThirdMonthIsConfirmedThenThePartialLastQuarter() {
            Action action = new Action(PaymentMode.QUARTERLY, ym(2007, 2), ym(2007, 6));

            assertThat(action.confirm(ym(2007, 2), "10").invoiceDue()).isFalse();
            Decision march = action.confirm(ym(2007, 3), "20");
            assertThat(march.invoiceDue()).isFalse();
            assertThat(march.kind()).isNull();
            assertThat(march.coveredMonths()).isEmpty();
            assertThat(march.explanation()).isEqualTo("Paiement trimestriel : la facture du trimestre sera due à la "
                    + "confirmation de la déclaration d'avril 2007.");

            Decision april = action.confirm(ym(2007, 4), "40");
            assertThat(april.invoiceDue()).isTrue();
            assertThat(april.kind()).isEqualTo(QUARTERLY);
            assertThat(april.coveredMonths()).containsExactly(ym(2007, 2), ym(2007, 3), ym(2007, 4));
            assertThat(april.explanation()).isEqualTo("Paiement trimestriel : le trimestre de février 2007 à avril 2007 "
                    + "est complet, il est facturé.");

            assertThat(action.confirm(ym(2007, 5), "60").invoiceDue()).isFalse();
            Decision june = action.confirm(ym(2007, 6), "100");
            assertThat(june.invoiceDue()).isTrue();
            assertThat(june.kind()).isEqualTo(QUARTERLY);
            assertThat(june.coveredMonths()).containsExactly(ym(2007, 5), ym(2007, 6));
            assertThat(june.explanation()).contains("dernier mois de l'action").contains("de mai 2007 à juin 2007");
        }

        @Test
        void aQuarterInvoiceCoversEveryPendingMonthInOrder() {
            Decision decision = InvoiceSchedule.decide(new Confirmation(PaymentMode.QUARTERLY, ym(2007, 2),
                    List.of(ym(2007, 6), ym(2007, 5)), ym(2007, 7), false, BigDecimal.ONE, 0, 3));

            assertThat(decision.coveredMonths()).containsExactly(ym(2007, 5), ym(2007, 6), ym(2007, 7));
        }

        @Test
        void aOneMonthActionIsInvoicedOnItsOnlyMonth() {
            Decision decision = new Action(PaymentMode.QUARTERLY, ym(2008, 9), ym(2008, 9)).confirm(ym(2008, 9), "100");

            assertThat(decision.invoiceDue()).isTrue();
            assertThat(decision.coveredMonths()).containsExactly(ym(2008, 9));
            assertThat(decision.explanation()).contains("(septembre 2008)");
        }
    }

    @Nested
    class ThreeAdvances {

        @Test
        void advancesAreDueAt30Then60Then80PercentAndTheBalancePaysTheRest() {
            Action action = new Action(PaymentMode.THREE_ADVANCES, ym(2008, 9), ym(2009, 4));

            Decision september = action.confirm(ym(2008, 9), "12");
            assertThat(september.invoiceDue()).isFalse();
            assertThat(september.explanation()).isEqualTo("Taux de réalisation de 12 % : le 1er acompte (30 %) n'est pas encore atteint.");

            Decision october = action.confirm(ym(2008, 10), "34");
            assertThat(october.kind()).isEqualTo(ADVANCE_1);
            assertThat(october.coveredMonths()).containsExactly(ym(2008, 9), ym(2008, 10));
            assertThat(october.explanation()).isEqualTo("Taux de réalisation de 34 % : le 1er acompte (30 %) est dû.");

            assertThat(action.confirm(ym(2008, 11), "50").invoiceDue()).isFalse();
            Decision december = action.confirm(ym(2008, 12), "61.5");
            assertThat(december.kind()).isEqualTo(ADVANCE_2);
            assertThat(december.coveredMonths()).containsExactly(ym(2008, 11), ym(2008, 12));
            assertThat(december.explanation()).isEqualTo("Taux de réalisation de 61,5 % : le 2e acompte (60 %) est dû.");

            assertThat(action.confirm(ym(2009, 1), "79.99").invoiceDue()).isFalse();
            Decision february = action.confirm(ym(2009, 2), "80");
            assertThat(february.kind()).isEqualTo(ADVANCE_3);
            assertThat(february.coveredMonths()).containsExactly(ym(2009, 1), ym(2009, 2));
            assertThat(february.explanation()).isEqualTo("Taux de réalisation de 80 % : le 3e acompte (80 %) est dû ; "
                    + "la réalisation au-delà sera payée par le solde.");

            Decision march = action.confirm(ym(2009, 3), "90");
            assertThat(march.invoiceDue()).isFalse();
            assertThat(march.explanation()).contains("les trois acomptes ont été facturés").contains("solde");
            Decision lastMonth = action.confirm(ym(2009, 4), "100");
            assertThat(lastMonth.invoiceDue()).isFalse();
            assertThat(lastMonth.coveredMonths()).isEmpty();
        }

        @Test
        void noQuarterlyFallbackOnceTheThreeAdvancesAreIssued() {
            Decision decision = InvoiceSchedule.decide(new Confirmation(PaymentMode.THREE_ADVANCES, ym(2008, 9),
                    List.of(ym(2009, 3), ym(2009, 4), ym(2009, 5)), ym(2009, 5), false, new BigDecimal("95"), 3, 3));

            assertThat(decision.invoiceDue()).isFalse();
        }

        @Test
        void theThresholdIsReachedAtExactlyItsValue() {
            assertThat(decide("29.99", 0).invoiceDue()).isFalse();
            assertThat(decide("30", 0).kind()).isEqualTo(ADVANCE_1);
            assertThat(decide("59.999", 1).invoiceDue()).isFalse();
            assertThat(decide("60.00", 1).kind()).isEqualTo(ADVANCE_2);
        }

        @Test
        void aJumpOverTwoThresholdsMakesTheNextAdvanceDueNowAndTheFollowingOneAtTheNextConfirmation() {
            Action action = new Action(PaymentMode.THREE_ADVANCES, ym(2008, 9), ym(2009, 6));

            assertThat(action.confirm(ym(2008, 9), "65").kind()).isEqualTo(ADVANCE_1);
            Decision october = action.confirm(ym(2008, 10), "66");
            assertThat(october.kind()).isEqualTo(ADVANCE_2);
            assertThat(october.coveredMonths()).containsExactly(ym(2008, 10));
        }

        @Test
        void theLastMonthStillTriggersAnAdvanceNotYetIssued() {
            Decision decision = InvoiceSchedule.decide(new Confirmation(PaymentMode.THREE_ADVANCES, ym(2008, 9),
                    List.of(ym(2009, 3)), ym(2009, 4), true, new BigDecimal("100"), 2, 2));

            assertThat(decision.kind()).isEqualTo(ADVANCE_3);
            assertThat(decision.coveredMonths()).containsExactly(ym(2009, 3), ym(2009, 4));
        }

        @Test
        void thresholdsComeFromTheFundersRules() {
            List<BigDecimal> thresholds = List.of(new BigDecimal("25"), new BigDecimal("50"), new BigDecimal("75"));
            Action action = new Action(PaymentMode.THREE_ADVANCES, ym(2008, 9), ym(2009, 6), thresholds);

            Decision decision = action.confirm(ym(2008, 9), "26");
            assertThat(decision.kind()).isEqualTo(ADVANCE_1);
            assertThat(decision.explanation()).isEqualTo("Taux de réalisation de 26 % : le 1er acompte (25 %) est dû.");
            assertThat(action.confirm(ym(2008, 10), "33.3333").explanation())
                    .isEqualTo("Taux de réalisation de 33,33 % : le 2e acompte (50 %) n'est pas encore atteint.");
        }

        @Test
        void aQuarterlyInvoiceIsDueWhenNoThresholdIsReachedWithinThreeMonthsThenAdvancesResume() {
            Action action = new Action(PaymentMode.THREE_ADVANCES, ym(2007, 2), ym(2007, 12));

            assertThat(action.confirm(ym(2007, 2), "5").invoiceDue()).isFalse();
            assertThat(action.confirm(ym(2007, 3), "12").invoiceDue()).isFalse();
            Decision april = action.confirm(ym(2007, 4), "20");
            assertThat(april.kind()).isEqualTo(QUARTERLY_FALLBACK);
            assertThat(april.coveredMonths()).containsExactly(ym(2007, 2), ym(2007, 3), ym(2007, 4));
            assertThat(april.explanation()).isEqualTo("Taux de réalisation de 20 % : le seuil du 1er acompte (30 %) "
                    + "n'est pas atteint après 3 mois, un paiement trimestriel (de février 2007 à avril 2007) peut être "
                    + "demandé ; le mode trois acomptes reprend ensuite.");

            // the fallback is not an advance: the first advance is still the next one
            Decision may = action.confirm(ym(2007, 5), "31");
            assertThat(may.kind()).isEqualTo(ADVANCE_1);
            assertThat(may.coveredMonths()).containsExactly(ym(2007, 5));

            // the 3 months are counted again from the last invoice
            assertThat(action.confirm(ym(2007, 6), "40").invoiceDue()).isFalse();
            assertThat(action.confirm(ym(2007, 7), "50").invoiceDue()).isFalse();
            Decision august = action.confirm(ym(2007, 8), "58");
            assertThat(august.kind()).isEqualTo(QUARTERLY_FALLBACK);
            assertThat(august.coveredMonths()).containsExactly(ym(2007, 6), ym(2007, 7), ym(2007, 8));
            assertThat(august.explanation()).contains("2e acompte (60 %)");

            Decision september = action.confirm(ym(2007, 9), "62");
            assertThat(september.kind()).isEqualTo(ADVANCE_2);
            assertThat(september.coveredMonths()).containsExactly(ym(2007, 9));
        }

        @Test
        void aReachedThresholdWinsOverTheFallback() {
            Decision decision = InvoiceSchedule.decide(new Confirmation(PaymentMode.THREE_ADVANCES, ym(2007, 2),
                    List.of(ym(2007, 2), ym(2007, 3)), ym(2007, 4), false, new BigDecimal("35"), 0, 3));

            assertThat(decision.kind()).isEqualTo(ADVANCE_1);
        }

        private Decision decide(String rate, int advancesIssued) {
            return InvoiceSchedule.decide(new Confirmation(PaymentMode.THREE_ADVANCES, ym(2008, 9), List.of(),
                    ym(2008, 10), false, new BigDecimal(rate), advancesIssued, 1));
        }
    }

    @Nested
    class Validation {

        @Test
        void refusesAMonthConfirmedBeforeTheStart() {
            assertThatThrownBy(() -> confirmation(List.of(), ym(2007, 1), 0, InvoiceSchedule.DEFAULT_THRESHOLDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Le mois confirmé (janvier 2007) précède le début de l'action (février 2007).");
        }

        @Test
        void refusesPendingMonthsAfterTheConfirmedMonth() {
            assertThatThrownBy(() -> confirmation(List.of(ym(2007, 5)), ym(2007, 4), 0, InvoiceSchedule.DEFAULT_THRESHOLDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mai 2007");
        }

        @Test
        void refusesMoreThanThreeAdvances() {
            assertThatThrownBy(() -> confirmation(List.of(), ym(2007, 4), 4, InvoiceSchedule.DEFAULT_THRESHOLDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Le nombre d'acomptes déjà facturés doit être compris entre 0 et 3 (reçu : 4).");
        }

        @Test
        void refusesThresholdsThatAreNotThreeIncreasingPercentages() {
            List<BigDecimal> decreasing = List.of(BigDecimal.valueOf(60), BigDecimal.valueOf(30), BigDecimal.valueOf(80));
            List<BigDecimal> two = List.of(BigDecimal.valueOf(30), BigDecimal.valueOf(60));
            List<BigDecimal> aboveHundred = List.of(BigDecimal.valueOf(30), BigDecimal.valueOf(60), BigDecimal.valueOf(120));

            assertThatThrownBy(() -> confirmation(List.of(), ym(2007, 4), 0, decreasing)).hasMessageContaining("croissants");
            assertThatThrownBy(() -> confirmation(List.of(), ym(2007, 4), 0, two)).hasMessage("Il faut exactement trois seuils d'acompte.");
            assertThatThrownBy(() -> confirmation(List.of(), ym(2007, 4), 0, aboveHundred)).hasMessageContaining("entre 0 et 100");
        }

        @Test
        void refusesANegativeRealisationRate() {
            assertThatThrownBy(() -> new Confirmation(PaymentMode.MONTHLY, ym(2007, 2), List.of(), ym(2007, 2), false,
                    new BigDecimal("-1"), 0, 1)).hasMessage("Le taux de réalisation doit être un pourcentage positif.");
        }

        private Confirmation confirmation(List<YearMonth> pending, YearMonth confirmed, int advances, List<BigDecimal> thresholds) {
            return new Confirmation(PaymentMode.THREE_ADVANCES, ym(2007, 2), pending, confirmed, false, BigDecimal.TEN,
                    advances, thresholds, 1);
        }
    }
}
