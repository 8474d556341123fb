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

    /** A month not confirmed in time can be confirmed again once the next month is over: first day of the month after next. */
    public static LocalDate postponedWindowOpens(YearMonth month) {
        return required(month).plusMonths(2).atDay(1);
    }

    /** The last day to confirm a postponed month: the {@code days}-th day of the month after next. */
    public static LocalDate postponedDeadline(YearMonth month, int days) {
        return dayOf(required(month).plusMonths(2), days);
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

    private static YearMonth required(YearMonth month) {
        if (month == null) {
            throw new IllegalArgumentException("Le mois est obligatoire.");
        }
        return month;
    }
}
