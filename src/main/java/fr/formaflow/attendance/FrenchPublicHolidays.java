package fr.formaflow.attendance;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 11 national public holidays (jours fériés) of metropolitan France. Whit Monday stays a public holiday even where
 * it is the "journée de solidarité". Alsace-Moselle's extra days (Good Friday, 26 December) are not included.
 */
public final class FrenchPublicHolidays {

    /** The Gregorian Easter algorithm below holds from the calendar's adoption on. */
    private static final int FIRST_GREGORIAN_YEAR = 1583;

    private FrenchPublicHolidays() {
    }

    public static boolean isPublicHoliday(LocalDate date) {
        return name(date) != null;
    }

    /**
     * The holidays of {@code year}, in date order: 11 dates, or 10 in the years where Ascension falls on 1 or 8 May
     * (2008: 1 May).
     */
    public static Set<LocalDate> of(int year) {
        return Collections.unmodifiableSet(holidays(year).keySet());
    }

    /**
     * The holiday's French name, or null when {@code date} is not a public holiday; two holidays on the same day are
     * joined ("Fête du Travail et Ascension").
     */
    public static String name(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("La date est obligatoire.");
        }
        return holidays(date.getYear()).get(date);
    }

    static LocalDate easterSunday(int year) {
        if (year < FIRST_GREGORIAN_YEAR) {
            throw new IllegalArgumentException("Les jours fériés ne sont calculés qu'à partir de " + FIRST_GREGORIAN_YEAR
                    + " (reçu : " + year + ").");
        }
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher)
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Map<LocalDate, String> holidays(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new TreeMap<>();
        add(days, LocalDate.of(year, Month.JANUARY, 1), "Jour de l'an");
        add(days, easter.plusDays(1), "Lundi de Pâques");
        add(days, LocalDate.of(year, Month.MAY, 1), "Fête du Travail");
        add(days, LocalDate.of(year, Month.MAY, 8), "Victoire 1945");
        add(days, easter.plusDays(39), "Ascension");
        add(days, easter.plusDays(50), "Lundi de Pentecôte");
        add(days, LocalDate.of(year, Month.JULY, 14), "Fête nationale");
        add(days, LocalDate.of(year, Month.AUGUST, 15), "Assomption");
        add(days, LocalDate.of(year, Month.NOVEMBER, 1), "Toussaint");
        add(days, LocalDate.of(year, Month.NOVEMBER, 11), "Armistice 1918");
        add(days, LocalDate.of(year, Month.DECEMBER, 25), "Noël");
        return days;
    }

    private static void add(Map<LocalDate, String> days, LocalDate date, String name) {
        days.merge(date, name, (first, second) -> first + " et " + second);
    }
}
