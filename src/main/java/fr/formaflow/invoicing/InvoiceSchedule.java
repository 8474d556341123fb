package fr.formaflow.invoicing;

import fr.formaflow.funder.PaymentMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Decides, when the organisation confirms a month's declaration, whether a periodic invoice is due now and which
 * confirmed-but-not-yet-invoiced months it covers (seed 003 §3.4 and §3.6.1.1).
 *
 * <ul>
 *   <li>{@link PaymentMode#MONTHLY}: the confirmed month is invoiced alone, at once.</li>
 *   <li>{@link PaymentMode#QUARTERLY}: quarters are 3 consecutive months counted from the action's first month
 *       (start February: Feb–Apr, May–Jul, ...). Due when a quarter's third month, or the action's last month, is
 *       confirmed; covers every pending month.</li>
 *   <li>{@link PaymentMode#THREE_ADVANCES}: advance k (1..3) is due when the realisation rate reaches threshold k
 *       (defaults 30, 60, 80). The seed's "third advance under 80 %" is read as: reaching 80 % triggers the third and
 *       last advance; whatever is realised after it is paid by the balance at closure. Only one invoice per
 *       confirmation: a rate that jumps over two thresholds makes the next advance due now and the following one at
 *       the next confirmation. If the next threshold is not reached and 3 months or more have been declared since
 *       the last invoice (or the start), a {@link InvoiceKind#QUARTERLY_FALLBACK} invoice is due instead: it is not
 *       one of the three advances and the mode stays three advances. Once the 3 advances are issued, nothing is
 *       invoiced periodically any more, last month included: the balance settles the rest.</li>
 * </ul>
 * {@link PaymentMode#AT_CLOSURE} (portage): no periodic invoice; the balance invoices the whole training.
 * In MONTHLY and QUARTERLY modes the last month is invoiced normally and the balance settles the rest.
 */
public final class InvoiceSchedule {

    public static final List<BigDecimal> DEFAULT_THRESHOLDS =
            List.of(BigDecimal.valueOf(30), BigDecimal.valueOf(60), BigDecimal.valueOf(80));

    static final int FALLBACK_MONTHS = 3;
    private static final int ADVANCES = 3;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private InvoiceSchedule() {
    }

    /**
     * The situation when a month is confirmed.
     *
     * @param pendingMonths           confirmed months not yet invoiced; the confirmed month is added if missing
     * @param realisationRate         percent of the action's planned hours realised so far (may exceed 100)
     * @param advancesIssued          advance invoices already issued (0..3), paid or not: counting only paid ones
     *                                would make the same advance due again while its payment is pending
     * @param thresholds              the three advance thresholds in percent, strictly increasing
     * @param monthsSinceLastInvoice  months declared since the last invoice (or since the start), the confirmed
     *                                month included: start February, confirming April, no invoice yet → 3
     */
    public record Confirmation(
            PaymentMode mode,
            YearMonth firstMonth,
            List<YearMonth> pendingMonths,
            YearMonth confirmedMonth,
            boolean lastMonth,
            BigDecimal realisationRate,
            int advancesIssued,
            List<BigDecimal> thresholds,
            int monthsSinceLastInvoice) {

        public Confirmation {
            require(mode != null, "Le mode de paiement est obligatoire.");
            require(firstMonth != null, "Le premier mois de l'action est obligatoire.");
            require(confirmedMonth != null, "Le mois confirmé est obligatoire.");
            require(!confirmedMonth.isBefore(firstMonth), "Le mois confirmé (" + label(confirmedMonth)
                    + ") précède le début de l'action (" + label(firstMonth) + ").");
            require(pendingMonths != null && pendingMonths.stream().noneMatch(m -> m == null),
                    "La liste des mois en attente de facturation est obligatoire.");
            for (YearMonth month : pendingMonths) {
                require(!month.isBefore(firstMonth) && !month.isAfter(confirmedMonth), "Le mois en attente "
                        + label(month) + " n'est pas compris entre le début de l'action et le mois confirmé.");
            }
            require(realisationRate != null && realisationRate.signum() >= 0,
                    "Le taux de réalisation doit être un pourcentage positif.");
            require(advancesIssued >= 0 && advancesIssued <= ADVANCES,
                    "Le nombre d'acomptes déjà facturés doit être compris entre 0 et 3 (reçu : " + advancesIssued + ").");
            require(monthsSinceLastInvoice >= 0, "Le nombre de mois depuis la dernière facture ne peut pas être négatif.");
            thresholds = validThresholds(thresholds);
            pendingMonths = List.copyOf(pendingMonths);
        }

        /** The defaults: thresholds 30, 60, 80. */
        public Confirmation(PaymentMode mode, YearMonth firstMonth, List<YearMonth> pendingMonths,
                            YearMonth confirmedMonth, boolean lastMonth, BigDecimal realisationRate,
                            int advancesIssued, int monthsSinceLastInvoice) {
            this(mode, firstMonth, pendingMonths, confirmedMonth, lastMonth, realisationRate, advancesIssued,
                    DEFAULT_THRESHOLDS, monthsSinceLastInvoice);
        }
    }

    public record Decision(boolean invoiceDue, InvoiceKind kind, List<YearMonth> coveredMonths, String explanation) {

        public Decision {
            coveredMonths = List.copyOf(coveredMonths);
        }

        static Decision due(InvoiceKind kind, List<YearMonth> months, String explanation) {
            return new Decision(true, kind, months, explanation);
        }

        static Decision none(String explanation) {
            return new Decision(false, null, List.of(), explanation);
        }
    }

    public static Decision decide(Confirmation c) {
        return switch (c.mode()) {
            case MONTHLY -> Decision.due(InvoiceKind.MONTHLY, List.of(c.confirmedMonth()),
                    "Paiement mensuel : la déclaration " + of(c.confirmedMonth()) + " est facturée.");
            case QUARTERLY -> quarterly(c);
            case THREE_ADVANCES -> threeAdvances(c);
            case AT_CLOSURE -> Decision.none("Facturation à la clôture : les heures " + of(c.confirmedMonth())
                    + " seront facturées avec le solde, à la clôture de l'action.");
        };
    }

    /** The three months of the quarter, counted from the action's first month, that contains {@code month}. */
    public static List<YearMonth> quarterOf(YearMonth firstMonth, YearMonth month) {
        YearMonth quarterStart = firstMonth.plusMonths(ChronoUnit.MONTHS.between(firstMonth, month) / 3 * 3);
        return List.of(quarterStart, quarterStart.plusMonths(1), quarterStart.plusMonths(2));
    }

    private static Decision quarterly(Confirmation c) {
        List<YearMonth> quarter = quarterOf(c.firstMonth(), c.confirmedMonth());
        YearMonth thirdMonth = quarter.get(2);
        List<YearMonth> covered = covered(c);
        if (c.confirmedMonth().equals(thirdMonth)) {
            return Decision.due(InvoiceKind.QUARTERLY, covered, "Paiement trimestriel : le trimestre "
                    + span(covered) + " est complet, il est facturé.");
        }
        if (c.lastMonth()) {
            return Decision.due(InvoiceKind.QUARTERLY, covered, "Paiement trimestriel : dernier mois de l'action, "
                    + "le trimestre en cours (" + span(covered) + ") est facturé.");
        }
        return Decision.none("Paiement trimestriel : la facture du trimestre sera due à la confirmation de la "
                + "déclaration " + of(thirdMonth) + ".");
    }

    private static Decision threeAdvances(Confirmation c) {
        String rate = "Taux de réalisation de " + percent(c.realisationRate()) + " % : ";
        if (c.advancesIssued() == ADVANCES) {
            return Decision.none(rate + "les trois acomptes ont été facturés, le reste sera payé par le solde "
                    + "à la clôture de l'action.");
        }
        int next = c.advancesIssued() + 1;
        BigDecimal threshold = c.thresholds().get(next - 1);
        String advance = ordinal(next) + " acompte (" + percent(threshold) + " %)";
        if (c.realisationRate().compareTo(threshold) >= 0) {
            String rest = next == ADVANCES ? " ; la réalisation au-delà sera payée par le solde." : ".";
            return Decision.due(InvoiceKind.advance(next), covered(c), rate + "le " + advance + " est dû" + rest);
        }
        if (c.monthsSinceLastInvoice() >= FALLBACK_MONTHS) {
            return Decision.due(InvoiceKind.QUARTERLY_FALLBACK, covered(c), rate + "le seuil du " + advance
                    + " n'est pas atteint après " + c.monthsSinceLastInvoice() + " mois, un paiement trimestriel ("
                    + span(covered(c)) + ") peut être demandé ; le mode trois acomptes reprend ensuite.");
        }
        return Decision.none(rate + "le " + advance + " n'est pas encore atteint.");
    }

    private static List<YearMonth> covered(Confirmation c) {
        TreeSet<YearMonth> months = new TreeSet<>(c.pendingMonths());
        months.add(c.confirmedMonth());
        return new ArrayList<>(months);
    }

    private static List<BigDecimal> validThresholds(List<BigDecimal> thresholds) {
        require(thresholds != null && thresholds.size() == ADVANCES && thresholds.stream().noneMatch(t -> t == null),
                "Il faut exactement trois seuils d'acompte.");
        BigDecimal previous = BigDecimal.ZERO;
        for (BigDecimal threshold : thresholds) {
            require(threshold.compareTo(previous) > 0 && threshold.compareTo(BigDecimal.valueOf(100)) <= 0,
                    "Les seuils d'acompte doivent être croissants et compris entre 0 et 100 % (reçus : "
                            + thresholds.stream().map(BigDecimal::toPlainString).toList() + ").");
            previous = threshold;
        }
        return List.copyOf(thresholds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static String label(YearMonth month) {
        return MONTH.format(month);
    }

    /** "de mars 2007", "d'avril 2007". */
    static String of(YearMonth month) {
        String label = label(month);
        return "aeiou".indexOf(label.charAt(0)) >= 0 ? "d'" + label : "de " + label;
    }

    private static String span(List<YearMonth> months) {
        YearMonth first = months.get(0);
        YearMonth last = months.get(months.size() - 1);
        return first.equals(last) ? label(first) : of(first) + " à " + label(last);
    }

    private static String ordinal(int n) {
        return n == 1 ? "1er" : n + "e";
    }

    /** 34 → "34", 33.333 → "33,33". */
    /** Thresholds and rates alike, truncated to two decimals: a rate just under a threshold never reads as reaching it. */
    static String percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
