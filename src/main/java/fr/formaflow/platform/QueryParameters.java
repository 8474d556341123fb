package fr.formaflow.platform;

import java.util.List;

/** Reading a search's query-string parameters, each problem added in French to the caller's list. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The whole number between min and max, {@code absent} when the parameter is missing or refused. */
    public static Integer integer(String value, String name, int min, int max, Integer absent, List<String> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return absent;
        }
        if (!text.matches("\\d{1,7}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            problems.add("Le paramètre « " + name + " » doit être un nombre entier entre " + min + " et " + max + ".");
            return absent;
        }
        return Integer.parseInt(text);
    }

    /** A refused value as quoted back in an error message: its first {@code max} characters. */
    public static String shorten(String value, int max) {
        return value.length() > max ? value.substring(0, max) + "…" : value;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
