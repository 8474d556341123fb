package fr.formaflow.platform;

import java.util.regex.Pattern;

/**
 * Formula injection in spreadsheets (OWASP "CSV Injection"): a cell a spreadsheet would read as a formula — one that
 * starts with =, +, -, @, a tab or a carriage return — is written with a leading apostrophe, so that it shows as the
 * text that was typed. Numbers written the French way ("-12,50") stay numbers. Every CSV Formaflow writes goes
 * through here (reports, the monthly declaration).
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([,.]\\d+)?");

    private CsvCells() {
    }

    public static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value.toString();
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }
}
