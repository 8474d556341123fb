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
                          boolean portage, BigDecimal serviceFeePercent, boolean absenceAttestationAllowed) {

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
                Boolean.TRUE.equals(map.get("absenceAttestationAllowed")));
    }

    private static List<String> split(Object value) {
        return value == null ? List.of() : Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
