package fr.formaflow.invoicing;

import java.math.BigDecimal;

/**
 * What a period (one or more months) is worth: paid hours, amount excl. VAT rounded to the cent,
 * and the number of distinct trainees declared.
 */
public record PeriodAmount(BigDecimal centreHours, BigDecimal companyHours, BigDecimal amount, int traineeCount) {
}
