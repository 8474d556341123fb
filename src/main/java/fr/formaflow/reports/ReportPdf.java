package fr.formaflow.reports;

import fr.formaflow.documents.PdfDocument;
import java.util.List;

/** A report as an A4 PDF: the letterhead of whoever it is about, its scope, and its table. */
public final class ReportPdf {

    /** Up to this many columns, the report is one table across the page. */
    static final int WIDE = 7;

    private ReportPdf() {
    }

    /** issuer: the organisation's letterhead (or Formaflow's); recipient: the funder's (or the report's scope). */
    public static byte[] render(ReportTable table, List<String> issuer, List<String> recipient, String edited) {
        PdfDocument pdf = new PdfDocument(table.title() + " — " + table.scope(), table.title())
                .header(issuer, recipient)
                .title(table.title())
                .paragraph(table.scope() + " — édité le " + edited + ".");
        if (table.rows().isEmpty()) {
            pdf.paragraph("Aucune ligne pour cette période.");
        } else if (table.headers().size() <= WIDE) {
            pdf.table(table.headers().stream().map(h -> new PdfDocument.Column(h, 1, false)).toList(), table.rows());
        } else {
            // too many columns for an A4 page: one block per row, a line per column
            List<PdfDocument.Column> columns = List.of(new PdfDocument.Column("Colonne", 1, false), new PdfDocument.Column("Valeur", 2, false));
            for (List<String> row : table.rows()) {
                pdf.heading(row.get(0) + " — " + row.get(1));
                pdf.table(columns, java.util.stream.IntStream.range(2, row.size())
                        .mapToObj(i -> List.of(table.headers().get(i), row.get(i))).toList());
            }
        }
        return pdf.toBytes();
    }
}
