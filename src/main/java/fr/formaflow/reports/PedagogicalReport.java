package fr.formaflow.reports;

import fr.formaflow.attendance.EarlyExitReasons;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.trainee.SurveyAnswers;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bilan pédagogique of an action, pre-filled from what was recorded (trainees in and out, hours, early exits by
 * reason, exit survey results) and completed by the organisation with its own assessment, before the balance invoice.
 */
public record PedagogicalReport(int plannedTrainees, int entered, int completed, Map<String, Integer> earlyExitsByReason,
                                int notExited, BigDecimal plannedHours, HourLine hours, Map<String, Integer> exitSituations,
                                int exitSurveysAnswered) {

    /** What the organisation writes its assessment after; the pre-filled figures come before it. */
    public static final String ASSESSMENT = "Appréciation de l'organisme (à compléter) :";

    /** One trainee's recorded facts. */
    public record TraineeFacts(String exitType, String earlyExitReason, String exitSituation, BigDecimal plannedHours, HourLine hours) {
    }

    public static PedagogicalReport of(int plannedTrainees, List<TraineeFacts> trainees) {
        Map<String, Integer> early = new LinkedHashMap<>();
        Map<String, Integer> situations = new LinkedHashMap<>();
        int completed = 0, notExited = 0, answered = 0;
        BigDecimal planned = BigDecimal.ZERO;
        HourLine hours = HourLine.zero(0);
        for (TraineeFacts t : trainees) {
            if ("EARLY_EXIT".equals(t.exitType())) {
                early.merge(t.earlyExitReason() == null ? "OTHER" : t.earlyExitReason(), 1, Integer::sum);
            } else if ("END_OF_TRAINING".equals(t.exitType())) {
                completed++;
            } else {
                notExited++;
            }
            if (t.exitSituation() != null) {
                situations.merge(t.exitSituation(), 1, Integer::sum);
                answered++;
            }
            planned = planned.add(t.plannedHours());
            hours = hours.plus(t.hours());
        }
        return new PedagogicalReport(plannedTrainees, trainees.size(), completed, early, notExited, planned, hours, situations, answered);
    }

    public int earlyExits() {
        return earlyExitsByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The figures in French, as the closure form shows them to the organisation. */
    public String figures() {
        StringBuilder text = new StringBuilder("Bilan pédagogique — données enregistrées dans Formaflow\n");
        text.append("Stagiaires : ").append(plannedTrainees).append(" prévu(s), ").append(entered).append(" entré(s), ")
                .append(completed).append(" sorti(s) en fin de formation, ").append(earlyExits()).append(" sortie(s) anticipée(s)");
        if (notExited > 0) {
            text.append(", ").append(notExited).append(" sans date de sortie");
        }
        text.append(".\n");
        earlyExitsByReason.forEach((reason, n) -> text.append("  - ").append(EarlyExitReasons.LABELS.getOrDefault(reason, reason))
                .append(" : ").append(n).append('\n'));
        text.append("Heures : ").append(ReportTable.number(plannedHours)).append(" h prévues, ")
                .append(ReportTable.number(hours.centreCompleted().add(hours.companyCompleted()))).append(" h réalisées, ")
                .append(ReportTable.number(hours.centreJustified().add(hours.companyJustified()))).append(" h d'absences justifiées, ")
                .append(ReportTable.number(hours.centreUnjustified().add(hours.companyUnjustified()))).append(" h d'absences non justifiées.\n");
        text.append("Situation à la sortie (").append(exitSurveysAnswered).append(" réponse(s)) :");
        if (exitSituations.isEmpty()) {
            text.append(" aucune réponse.");
        }
        text.append('\n');
        SurveyAnswers.SITUATIONS.forEach((code, label) -> {
            if (exitSituations.containsKey(code)) {
                text.append("  - ").append(label).append(" : ").append(exitSituations.get(code)).append('\n');
            }
        });
        return text.toString();
    }

    /** The text the organisation completes: the figures, then its assessment. */
    public String draft() {
        return figures() + "\n" + ASSESSMENT + "\n";
    }

    /** Whether the organisation wrote something of its own: after the assessment heading, or a text of its own. */
    public static boolean isCompleted(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        int heading = text.indexOf(ASSESSMENT);
        return heading < 0 || !text.substring(heading + ASSESSMENT.length()).isBlank();
    }
}
