package fr.formaflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A report as a spreadsheet would show it: a title, the scope it covers (year, organisation), French column headers
 * and rows of cells already written the French way (dd/MM/yyyy dates, decimal commas, no thousands separator so that
 * a spreadsheet reads them as numbers). The same table is written as CSV and as PDF.
 */
public record ReportTable(String title, String scope, List<String> headers, List<List<String>> rows) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("A row of " + title + " has " + row.size() + " cells for " + headers.size() + " columns");
            }
        }
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Hours or counts: as few decimals as needed, decimal comma (12,5). */
    public static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Cents as euros with two decimals and a decimal comma (1234,50). */
    public static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
