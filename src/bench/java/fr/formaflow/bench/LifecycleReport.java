package fr.formaflow.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The lifecycle table: for each database and thread count, dossiers per minute and milliseconds per dossier and per
 * task on both engines, document generation apart, and the ratio Formaflow (without documents) / bare engine.
 */
final class LifecycleReport {

    record Row(String engine, String database, int threads, double dossiersPerMinute, double tasks, double activities,
               double documentMillis) {

        /** Wall-clock time one thread spends on one dossier. */
        double millisPerDossier() {
            return threads * 60_000 / dossiersPerMinute;
        }

        double millisWithoutDocuments() {
            return millisPerDossier() - documentMillis;
        }
    }

    private LifecycleReport() {
    }

    static List<Row> rows(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            double perMinute = run.getPrimaryResult().getScore();
            rows.add(new Row(run.getParams().getParam("engine"), run.getParams().getParam("database"), run.getParams().getThreads(),
                    perMinute, per(run, "tasks", perMinute), per(run, "activities", perMinute), per(run, "documentMicros", perMinute) / 1000));
        }
        return rows;
    }

    private static double per(RunResult run, String counter, double perMinute) {
        Result<?> result = run.getSecondaryResults().get(counter);
        return result == null ? Double.NaN : result.getScore() / perMinute;
    }

    static String table(List<Row> rows, String settings) {
        StringBuilder md = new StringBuilder("Dossier lifecycle in-process (10 trainees, 6 months, ").append(settings).append("), ")
                .append(Benchmarks.machine()).append("\n\n")
                .append("| database | threads | engine | dossiers/min | ms/dossier (per thread) | tasks/dossier | activity instances/dossier "
                        + "| documents ms/dossier | ms/task without documents | Formaflow ÷ bare, without documents (goal ≤ 1.3) |\n")
                .append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            Row bare = rows.stream().filter(r -> r.engine().equals("bare") && r.database().equals(row.database()) && r.threads() == row.threads())
                    .findFirst().orElse(null);
            String ratio = row.engine().equals("formaflow") && bare != null
                    ? String.format(Locale.ROOT, "%.2f", row.millisWithoutDocuments() / bare.millisPerDossier()) : "";
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.0f | %.0f | %.0f | %.0f | %.1f | %s |%n", row.database(), row.threads(),
                    row.engine(), row.dossiersPerMinute(), row.millisPerDossier(), row.tasks(), row.activities(), row.documentMillis(),
                    row.millisWithoutDocuments() / row.tasks(), ratio));
        }
        return md.toString();
    }
}
