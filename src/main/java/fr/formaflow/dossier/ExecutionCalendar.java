package fr.formaflow.dossier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly rhythm of an action's execution (seed 003 §3.5.1): each month is declared, then confirmed within the
 * first days of the next month; a month not confirmed in time waits for the end of the next period.
 *
 * <p>Deadlines are dates, inclusive, with end-of-day semantics: a confirmation made at any time on the deadline day
 * (until 23:59:59, Europe/Paris) is on time; from the next day on it is late.
 */
public final class ExecutionCalendar {

    /** Deadlines are limited to 28 so that the day exists in every month. */
    private static final int MAX_DEADLINE_DAY = 28;

    private ExecutionCalendar() {
    }

    /** Every calendar month touched by [start, end], both included. */
    public static List<YearMonth> months(LocalDate start, LocalDate end) {
        requireRange(start, end);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start); !month.isAfter(YearMonth.from(end)); month = month.plusMonths(1)) {
            months.add(month);
        }
        return List.copyOf(months);
    }

    /** The last day to confirm {@code month}: the {@code days}-th day of the following month (15 → 15 of next month). */
    public static LocalDate confirmationDeadline(YearMonth month, int days) {
        return dayOf(required(month).plusMonths(1), days);
    }

    /** The confirmation window of {@code month} opens when the month is over: the first day of the next month. */
    public static LocalDate windowOpens(YearMonth month) {
        return required(month).plusMonths(1).atDay(1);
    }

    /**
     * The end of the period after a missed deadline: the window reopens on the first day of the month after the one the
     * deadline fell in (deadline 15/02 missed → the month waits for the end of February and reopens on 01/03).
     */
    public static LocalDate nextPeriodEnds(LocalDate missedDeadline) {
        return YearMonth.from(requiredDate(missedDeadline)).plusMonths(1).atDay(1);
    }

    /**
     * The new deadline of a month whose deadline was missed: the {@code days}-th day after the end of the NEXT period
     * after the one just missed, or after the period in progress today when that one is later (a dossier entered late,
     * or a deadline noticed late). Always after {@code today}: a postponement never lands in the past, however many
     * times the month was postponed (15/02 missed → 15/03; 15/03 missed → 15/04; 15/02 noticed on 10/07 → 15/08).
     */
    public static LocalDate postponedDeadline(LocalDate missedDeadline, LocalDate today, int days) {
        YearMonth missed = YearMonth.from(requiredDate(missedDeadline));
        YearMonth current = YearMonth.from(requiredDate(today));
        return dayOf((current.isAfter(missed) ? current : missed).plusMonths(1), days);
    }

    /**
     * When a month postponed for the {@code postponement}-th time (1 for the first) can be confirmed again. The first
     * time, it waits for the end of the next period (seed 003 §3.5.1); if that end is already past (the deadline was
     * noticed late: a dossier entered after its months), or from the second postponement on, it stays open: the
     * month is overdue and the organisation must be able to confirm it at once.
     */
    public static LocalDate postponedWindowOpens(LocalDate missedDeadline, int postponement, LocalDate today) {
        if (postponement < 1) {
            throw new IllegalArgumentException("Le numéro du report commence à 1 (reçu : " + postponement + ").");
        }
        LocalDate periodEnds = nextPeriodEnds(missedDeadline);
        return postponement == 1 && periodEnds.isAfter(requiredDate(today)) ? periodEnds : today;
    }

    /** Whole days from the deadline (inclusive, end of day) to {@code today}: 0 while on time, 1 the day after. */
    public static long daysLate(LocalDate deadline, LocalDate today) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(requiredDate(deadline), requiredDate(today)));
    }

    public static LocalDate monthEnd(YearMonth month) {
        return required(month).atEndOfMonth();
    }

    /** Whether {@code date} lies in [start, end], both included; a null {@code end} means no end yet (e.g. no exit date). */
    public static boolean within(LocalDate date, LocalDate start, LocalDate end) {
        if (date == null || start == null) {
            throw new IllegalArgumentException("La date et la date de début sont obligatoires.");
        }
        if (end != null) {
            requireRange(start, end);
        }
        return !date.isBefore(start) && (end == null || !date.isAfter(end));
    }

    private static LocalDate dayOf(YearMonth month, int day) {
        if (day < 1 || day > MAX_DEADLINE_DAY) {
            throw new IllegalArgumentException("Le délai de confirmation doit être compris entre 1 et "
                    + MAX_DEADLINE_DAY + " jours (reçu : " + day + ").");
        }
        return month.atDay(day);
    }

    private static void requireRange(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            throw new IllegalArgumentException("Les dates de début et de fin sont obligatoires.");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("La date de fin (" + end + ") précède la date de début (" + start + ").");
        }
    }

    private static LocalDate requiredDate(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("La date est obligatoire.");
        }
        return date;
    }

    private static YearMonth required(YearMonth month) {
        if (month == null) {
            throw new IllegalArgumentException("Le mois est obligatoire.");
        }
        return month;
    }
}
