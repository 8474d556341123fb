package fr.formaflow.reports;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import fr.formaflow.platform.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reports as CSV the way a French spreadsheet opens them (as the monthly declaration's export does): UTF-8 with a
 * byte-order mark, ";" separators, decimal commas, French headers; cells a spreadsheet would run as formulas are
 * neutralised ({@link CsvCells}).
 */
public final class ReportCsv {

    static final char BOM = '\uFEFF';
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();

    private ReportCsv() {
    }

    public static byte[] write(ReportTable table) {
        StringWriter out = new StringWriter();
        out.write(BOM); // Excel reads UTF-8 only with a byte-order mark
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setHeader(table.headers().toArray(String[]::new)).get())) {
            for (List<String> row : table.rows()) {
                printer.printRecord(row.stream().map(CsvCells::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a report back (headers first): what a spreadsheet, or a test, sees in the file. */
    public static List<List<String>> read(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        List<List<String>> lines = new ArrayList<>();
        try (var parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                lines.add(record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
