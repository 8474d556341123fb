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
                          boolean openingCertificate) {

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
                Boolean.TRUE.equals(map.get("openingCertificate")));
    }

    private static List<String> split(Object value) {
        return value == null ? List.of() : Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
