package fr.formaflow.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Lengths and ranges checked where a value comes in (issue 27: a 256-character title, a 300-character file name or a
 * long name ended in a 500 "Value too long for column"). Every faulty field is named in one French 400.
 */
public final class FieldLimits {

    /** Names, titles, streets, references: what the database keeps in 255 or 100 characters. */
    public static final int TITLE = 255;
    public static final int NAME = 100;
    public static final int REFERENCE = 100;
    /** Free text kept in process variables (the engine keeps 4 000 characters of text). */
    public static final int TEXT = 2000;
    /**
     * A dossier's programming year is the current year, the one before (a late dossier) or one of the next two
     * (issue 27: 99999 or -2026 made contract numbers 99999QCA0001, -2026QCA0001).
     */
    public static final int PROGRAMMING_YEARS_BEFORE = 1;
    public static final int PROGRAMMING_YEARS_AFTER = 2;

    private final List<String> problems = new ArrayList<>();

    public static FieldLimits check() {
        return new FieldLimits();
    }

    public FieldLimits max(String label, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add("« " + label + " » ne doit pas dépasser " + max + " caractères (" + value.length() + " reçus).");
        }
        return this;
    }

    public FieldLimits range(String label, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add("« " + label + " » doit être comprise entre " + min + " et " + max + " (" + value + " reçu).");
        }
        return this;
    }

    /** A typed text as kept: blank is absent, otherwise stripped. */
    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Adds to {@code problems} the sentence of a text field that is missing though mandatory, or too long; {@code where}
     * (« Onglet Pédagogie : », or empty) starts the sentence.
     */
    public static void text(List<String> problems, String where, String label, String value, int max, boolean mandatory) {
        if (value == null) {
            if (mandatory) {
                problems.add(where + "« " + label + " » est obligatoire.");
            }
        } else if (value.length() > max) {
            problems.add(where + "« " + label + " » ne doit pas dépasser " + max + " caractères (" + value.length() + " reçus).");
        }
    }

    /** Throws a French 400 naming every field over its limit. */
    public void orRefuse(String message) {
        InvalidRequestException.throwIfAny(message, problems);
    }
}
