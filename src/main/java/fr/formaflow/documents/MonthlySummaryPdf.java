package fr.formaflow.documents;

import fr.formaflow.attendance.HoursSummary;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.util.ArrayList;
import java.util.List;

/** Récapitulatif mensuel: the month's declaration per trainee, with the realisation rate of the action. */
public final class MonthlySummaryPdf {

    private MonthlySummaryPdf() {
    }

    public static byte[] render(TrainingAction a, String month, HoursSummary.Summary summary) {
        String label = French.month(java.time.YearMonth.parse(month));
        PdfDocument pdf = Letterhead.start(a, "Déclaration de réalisation — " + label + " — contrat n° " + a.getContractNumber(),
                        "Récapitulatif mensuel")
                .title("Déclaration de réalisation périodique — " + label)
                .paragraph(Letterhead.action(a));
        List<List<String>> rows = new ArrayList<>();
        for (HoursSummary.TraineeLine t : summary.trainees()) {
            HoursSummary.Hours h = t.months().get(month);
            if (h != null) {
                rows.add(List.of(t.lastName() + " " + t.firstName(), French.number(h.centreCompleted()), French.number(h.centreJustified()), French.number(h.centreUnjustified()),
                        French.number(h.companyCompleted()), French.number(h.companyJustified()), French.number(h.companyUnjustified()), French.number(h.total()),
                        t.exitDate() == null ? "" : French.date(t.exitDate())));
            }
        }
        pdf.table(List.of(new PdfDocument.Column("Stagiaire", 3, false), new PdfDocument.Column("Centre réal.", 1, true),
                new PdfDocument.Column("Centre abs. just.", 1, true), new PdfDocument.Column("Centre abs. non just.", 1, true),
                new PdfDocument.Column("Entr. réal.", 1, true), new PdfDocument.Column("Entr. abs. just.", 1, true),
                new PdfDocument.Column("Entr. abs. non just.", 1, true), new PdfDocument.Column("Total", 1, true),
                new PdfDocument.Column("Sortie", 1.3f, false)), rows);
        pdf.paragraph("Taux de réalisation de l'action (mois confirmés) : " + French.number(summary.realisationRate()) + " %.");
        return pdf.toBytes();
    }

}
