package fr.formaflow.funder;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One funding scheme's rules, as funder-rules.dmn decided them at the dossier's start (process variable "rules"). */
public record FunderRules(boolean purchaseOrderRequired, Set<PaymentMode> paymentModes, List<BigDecimal> advanceThresholds,
                          int confirmationDays, int validationDays, boolean holidayAttendanceAllowed,
                          Set<String> admissibleEarlyExitReasons, String requiredDocuments,
                          boolean portage, BigDecimal serviceFeePercent, boolean absenceAttestationAllowed,
                          boolean openingCertificate, Advance advance) {

    /**
     * The advance a funder offers (public procurement: avance forfaitaire, avance facultative) and how the later
     * invoices repay it: kinds offered (none: empty); the flat rate (% of the price, of 12 months' worth of it when the
     * action lasts longer) and the price (€ excl. VAT) and duration (months) the action must exceed to get it; the
     * optional advance's maximum rate; repayment from the invoices once the invoiced hours reach repayFrom % of the
     * price, complete at repayUntil %, the balance repaying whatever is left.
     */
    public record Advance(Set<AdvanceKind> kinds, BigDecimal flatPercent, BigDecimal flatMinimumPrice, int flatMinimumMonths,
                          BigDecimal optionalMaximumPercent, BigDecimal repayFrom, BigDecimal repayUntil) {

        public static final Advance NONE = new Advance(Set.of(), BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);

        public boolean offered() {
            return !kinds.isEmpty();
        }

        /**
         * Every reason, in French, why this advance cannot be granted to an action of this price (cents, excl. VAT) and
         * length (calendar months); empty when it can. percent: the rate asked for an optional advance.
         */
        public List<String> problems(AdvanceKind kind, BigDecimal percent, long priceCents, int months) {
            if (kind == null || kind == AdvanceKind.NONE) {
                return List.of();
            }
            if (!kinds.contains(kind)) {
                return List.of("Le financeur ne verse pas d'" + kind.label().toLowerCase() + ".");
            }
            if (kind == AdvanceKind.FLAT) {
                java.util.List<String> problems = new java.util.ArrayList<>();
                if (BigDecimal.valueOf(priceCents, 2).compareTo(flatMinimumPrice) <= 0) {
                    problems.add("L'avance forfaitaire n'est versée que pour un prix supérieur à " + euros(flatMinimumPrice)
                            + " HT ; demandez plutôt une avance facultative.");
                }
                if (months <= flatMinimumMonths) {
                    problems.add("L'avance forfaitaire n'est versée que pour une action de plus de " + flatMinimumMonths
                            + " mois ; demandez plutôt une avance facultative.");
                }
                return problems;
            }
            if (percent == null || percent.signum() <= 0 || percent.compareTo(optionalMaximumPercent) > 0) {
                return List.of("Le taux de l'avance facultative doit être compris entre 0 et " + percent(optionalMaximumPercent)
                        + " du prix de l'action (reçu : " + (percent == null ? "aucun" : percent(percent)) + ").");
            }
            if (percent.stripTrailingZeros().scale() > 2) {
                return List.of("Le taux de l'avance facultative a au plus deux décimales.");
            }
            return List.of();
        }

        /** The rate of this advance: the flat rate, or the rate asked for an optional one. */
        public BigDecimal rate(AdvanceKind kind, BigDecimal askedPercent) {
            return kind == AdvanceKind.FLAT ? flatPercent : kind == AdvanceKind.OPTIONAL ? askedPercent : BigDecimal.ZERO;
        }

        private static String percent(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
        }

        private static String euros(BigDecimal value) {
            return fr.formaflow.platform.French.euros(value);
        }
    }

    public FunderRules(boolean purchaseOrderRequired, Set<PaymentMode> paymentModes, List<BigDecimal> advanceThresholds,
                       int confirmationDays, int validationDays, boolean holidayAttendanceAllowed,
                       Set<String> admissibleEarlyExitReasons, String requiredDocuments,
                       boolean portage, BigDecimal serviceFeePercent, boolean absenceAttestationAllowed, boolean openingCertificate) {
        this(purchaseOrderRequired, paymentModes, advanceThresholds, confirmationDays, validationDays, holidayAttendanceAllowed,
                admissibleEarlyExitReasons, requiredDocuments, portage, serviceFeePercent, absenceAttestationAllowed, openingCertificate,
                Advance.NONE);
    }

    /** Every invoice is payable this many days after its date, by bank transfer. */
    public static final int PAYMENT_DAYS = 30;

    /** The funder's payment timetable in French, as the training agreement states it. */
    public String paymentTimetable() {
        List<String> modes = paymentModes.stream().map(this::timetable).toList();
        return (modes.isEmpty() ? "factures selon les heures réalisées" : String.join(" ; ou ", modes))
                + (paymentModes.equals(Set.of(PaymentMode.AT_CLOSURE)) ? "" : " ; puis le solde à la clôture, sur les heures réalisées, "
                + "après réception du bilan pédagogique, sans dépasser le prix total")
                + ". Chaque facture est payable par virement à " + PAYMENT_DAYS + " jours de sa date d'émission.";
    }

    private String timetable(PaymentMode mode) {
        return switch (mode) {
            case MONTHLY -> "une facture par mois, sur les heures de la déclaration mensuelle confirmée";
            case QUARTERLY -> "une facture par trimestre (trois mois consécutifs comptés du début de l'action)";
            case THREE_ADVANCES -> "trois acomptes, lorsque le taux de réalisation atteint " + advanceThresholds.stream()
                    .map(t -> t.stripTrailingZeros().toPlainString().replace('.', ',') + " %").collect(Collectors.joining(", "));
            case AT_CLOSURE -> "une facture unique à la clôture de l'action";
        };
    }

    public static FunderRules from(Object decisionResult) {
        if (!(decisionResult instanceof Map<?, ?> map)) {
            throw new IllegalStateException("The process has no funder rules (variable 'rules')");
        }
        return new FunderRules(
                Boolean.TRUE.equals(map.get("purchaseOrderRequired")),
                split(map.get("paymentModes")).stream().map(PaymentMode::valueOf).collect(Collectors.toCollection(LinkedHashSet::new)),
                List.of(decimal(map.get("advanceThreshold1")), decimal(map.get("advanceThreshold2")), decimal(map.get("advanceThreshold3"))),
                ((Number) map.get("confirmationDays")).intValue(),
                ((Number) map.get("validationDays")).intValue(),
                Boolean.TRUE.equals(map.get("holidayAttendanceAllowed")),
                new LinkedHashSet<>(split(map.get("admissibleEarlyExitReasons"))),
                (String) map.get("requiredDocuments"),
                Boolean.TRUE.equals(map.get("portage")),
                map.get("serviceFeePercent") == null ? BigDecimal.ZERO : decimal(map.get("serviceFeePercent")),
                Boolean.TRUE.equals(map.get("absenceAttestationAllowed")),
                Boolean.TRUE.equals(map.get("openingCertificate")),
                advance(map));
    }

    private static Advance advance(Map<?, ?> map) {
        java.util.Set<AdvanceKind> kinds = split(map.get("advanceKinds")).stream().map(AdvanceKind::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (kinds.isEmpty()) {
            return Advance.NONE;
        }
        return new Advance(kinds, decimal(map.get("flatAdvancePercent")), decimal(map.get("flatAdvanceMinimumPrice")),
                ((Number) map.get("flatAdvanceMinimumMonths")).intValue(), decimal(map.get("optionalAdvanceMaximumPercent")),
                decimal(map.get("advanceRepaidFromPercent")), decimal(map.get("advanceRepaidUntilPercent")));
    }

    private static List<String> split(Object value) {
        return value == null ? List.of() : Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
