package fr.formaflow.apprenticeship;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When an OPCO pays a CFA for an apprenticeship contract, and how much (plain Java, amounts in cents).
 * <ul>
 * <li>Contracts signed since 2020: for each contract year, an advance of 50 % of that year's share of the budget from
 * the year's first day, then 25 % from its 7th month and 25 % from its 10th month (or from the contract's end, when the
 * year stops earlier). Only the contract's very first advance is paid without a completion certificate.</li>
 * <li>"Reprise de stock" (contracts signed in 2019 or earlier, taken over from the former funders): no advance; a
 * payment every six months, in arrears, in proportion to the months elapsed, each on a completion certificate.</li>
 * </ul>
 * The budget is shared between contract years in proportion to their days, rounded to the cent so that the
 * instalments always add up to the budget exactly.
 */
public final class PaymentRhythm {

    public enum Kind {
        STANDARD("Contrat signé depuis 2020"),
        STOCK("Reprise de stock (contrat signé en 2019 ou avant)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Instalment(int number, String label, LocalDate payableFrom, long amountCents, boolean certificateRequired) {
    }

    private PaymentRhythm() {
    }

    public static Kind kindOf(LocalDate signedOn) {
        return signedOn.getYear() <= 2019 ? Kind.STOCK : Kind.STANDARD;
    }

    public static List<Instalment> schedule(LocalDate signedOn, LocalDate start, LocalDate end, long budgetCents) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("La date de fin du contrat précède sa date de début.");
        }
        return kindOf(signedOn) == Kind.STOCK ? stock(start, end, budgetCents) : standard(start, end, budgetCents);
    }

    private static List<Instalment> standard(LocalDate start, LocalDate end, long budgetCents) {
        List<Slice> slices = new ArrayList<>();
        for (int year = 0; !start.plusYears(year).isAfter(end); year++) {
            LocalDate yearStart = start.plusYears(year);
            LocalDate yearEnd = min(start.plusYears(year + 1).minusDays(1), end);
            LocalDate seventh = min(yearStart.plusMonths(6), yearEnd);
            LocalDate tenth = min(yearStart.plusMonths(9), yearEnd);
            long days = ChronoUnit.DAYS.between(yearStart, yearEnd) + 1;
            String suffix = year == 0 ? "" : " — année " + (year + 1);
            slices.add(new Slice("Avance de 50 %" + suffix, yearStart, days, 50, year > 0));
            slices.add(new Slice("Versement de 25 % (7e mois)" + suffix, seventh, days, 25, true));
            slices.add(new Slice("Versement de 25 % (10e mois)" + suffix, tenth, days, 25, true));
        }
        return amounts(slices, ChronoUnit.DAYS.between(start, end) + 1, budgetCents);
    }

    private static List<Instalment> stock(LocalDate start, LocalDate end, long budgetCents) {
        List<Slice> slices = new ArrayList<>();
        LocalDate from = start;
        for (int n = 1; !from.isAfter(end); n++) {
            LocalDate to = min(start.plusMonths(6L * n).minusDays(1), end);
            slices.add(new Slice("Semestre " + n + " (à terme échu)", to, ChronoUnit.DAYS.between(from, to) + 1, 100, true));
            from = to.plusDays(1);
        }
        return amounts(slices, ChronoUnit.DAYS.between(start, end) + 1, budgetCents);
    }

    /** A share of the budget: percent of the part of the contract covering these days. */
    private record Slice(String label, LocalDate payableFrom, long days, int percent, boolean certificateRequired) {
    }

    /**
     * Each instalment is the rounded cumulative share minus what was already allocated: no instalment is ever
     * negative, and the last one ends exactly on the budget (the slices' weights add up to the whole contract).
     */
    private static List<Instalment> amounts(List<Slice> slices, long totalDays, long budgetCents) {
        List<Instalment> instalments = new ArrayList<>();
        long allocated = 0;
        long cumulativeWeight = 0;
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            cumulativeWeight += s.days() * s.percent();
            long due = BigDecimal.valueOf(budgetCents).multiply(BigDecimal.valueOf(cumulativeWeight))
                    .divide(BigDecimal.valueOf(totalDays * 100), 0, RoundingMode.HALF_UP).longValueExact();
            instalments.add(new Instalment(i + 1, s.label(), s.payableFrom(), due - allocated, s.certificateRequired()));
            allocated = due;
        }
        return instalments;
    }

    /** What the OPCO pays (at most the contract's budget) and what the employer pays (the teaching cost above it). */
    public record Split(long opcoCents, long employerCents) {

        public static Split of(long budgetCents, long teachingCostCents) {
            return new Split(Math.min(budgetCents, teachingCostCents), Math.max(0, teachingCostCents - budgetCents));
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
