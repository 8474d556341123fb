package fr.formaflow.reports;

import fr.formaflow.documents.PdfDocument;
import java.util.List;

/** A report as an A4 PDF: the letterhead of whoever it is about, its scope, and its table. */
public final class ReportPdf {

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
        } else {
            pdf.table(table.headers().stream().map(h -> new PdfDocument.Column(h, 1, false)).toList(), table.rows());
        }
        return pdf.toBytes();
    }
}
