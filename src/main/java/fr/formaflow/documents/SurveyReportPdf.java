package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.SurveyAnswers;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bilans: the trainees' situation at exit, 6 months and 1 year after (seed 003 §3.7.2 and §3.8). */
public final class SurveyReportPdf {

    public record Row(String trainee, LocalDate exitDate, String situation, String contract) {
    }

    private SurveyReportPdf() {
    }

    /** when: "à la sortie", "6 mois après la sortie", "1 an après la sortie". */
    public static byte[] render(TrainingAction a, String when, List<Row> rows) {
        PdfDocument pdf = Letterhead.start(a, "Bilan " + when + " — contrat n° " + a.getContractNumber(), "Bilan " + when)
                .title("Enquête " + when)
                .paragraph(Letterhead.action(a));
        pdf.table(List.of(new PdfDocument.Column("Stagiaire", 3, false), new PdfDocument.Column("Sortie", 1.3f, false),
                        new PdfDocument.Column("Situation", 3, false), new PdfDocument.Column("Contrat", 2, false)),
                rows.stream().map(r -> List.of(r.trainee(), French.date(r.exitDate()), SurveyAnswers.situationLabel(r.situation()),
                        SurveyAnswers.contractLabel(r.contract()))).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        SurveyAnswers.SITUATIONS.keySet().stream().forEach(k -> counts.put(k, rows.stream().filter(r -> k.equals(r.situation())).count()));
        long answered = rows.stream().filter(r -> r.situation() != null).count();
        pdf.heading("Synthèse").paragraph(answered + " réponse(s) sur " + rows.size() + " stagiaire(s).");
        counts.forEach((k, n) -> pdf.paragraph(SurveyAnswers.SITUATIONS.get(k) + " : " + n));
        return pdf.toBytes();
    }
}
