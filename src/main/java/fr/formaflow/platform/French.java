package fr.formaflow.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How French users read dates, months, hours and amounts: 05/01/2026, janvier 2026, 12,5 h, 2 445,00 €. */
public final class French {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    private French() {
    }

    public static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    public static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** "de mars 2026", "d'octobre 2026". */
    public static String ofMonth(YearMonth month) {
        String label = month(month);
        return "aeiouéèêâîôû".indexOf(Character.toLowerCase(label.charAt(0))) >= 0 ? "d'" + label : "de " + label;
    }

    public static String euros(long cents) {
        return euros(BigDecimal.valueOf(cents, 2));
    }

    public static String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return format.format(amount);
    }

    public static String hours(BigDecimal hours) {
        return hours == null ? "—" : number(hours) + " h";
    }

    /** A rate as written in a French document: "30 %", "12,5 %". */
    public static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    /** Up to two decimals, French separators: 12,5 or 1 234,75. */
    public static String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /**
     * The activity declaration's mandatory mention: « Déclaration d'activité enregistrée sous le numéro … auprès du préfet
     * de région de … » and its disclaimer.
     */
    public static String ndaMention(String nda, String region) {
        String where = region == null ? "—" : region;
        String of = where.matches("(?i)^[aeiouyéèêâîôûh].*") ? "d'" : "de ";
        return "Déclaration d'activité enregistrée sous le numéro " + nda + " auprès du préfet de région " + of + where
                + ". Cet enregistrement ne vaut pas agrément de l'État.";
    }
}
