package fr.formaflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;

/**
 * The lifecycle table: for each database and thread count, dossiers per minute and milliseconds per dossier and per
 * task on both engines, document generation apart, and the ratio Formaflow (without documents) / bare engine.
 */
final class LifecycleReport {

    record Row(String engine, String database, int threads, double millisPerDossier, double p95, double tasks, double activities,
               double documentMillis) {

        /** Dossiers completed per minute by all the threads. */
        double dossiersPerMinute() {
            return threads * 60_000 / millisPerDossier;
        }

        double millisWithoutDocuments() {
            return millisPerDossier() - documentMillis;
        }
    }

    private LifecycleReport() {
    }

    /** Where each benchmark fork writes its counts; the directory is passed to the forks as a system property. */
    static Path countsFile(String engine, String database, int threads) {
        return Path.of(System.getProperty("formaflow.bench.out", "target/benchmarks"))
                .resolve("lifecycle-" + engine + "-" + database + "-" + threads + ".properties");
    }

    static List<Row> rows(Collection<RunResult> results) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            var stats = run.getPrimaryResult().getStatistics();
            String engine = run.getParams().getParam("engine");
            String database = run.getParams().getParam("database");
            int threads = run.getParams().getThreads();
            Properties counts = new Properties();
            try (var in = Files.newInputStream(countsFile(engine, database, threads))) {
                counts.load(in);
            }
            rows.add(new Row(engine, database, threads, stats.getMean(), stats.getPercentile(95), count(counts, "tasks"),
                    count(counts, "activities"), count(counts, "documentMillis")));
        }
        return rows;
    }

    private static double count(Properties counts, String name) {
        return Double.parseDouble(counts.getProperty(name));
    }

    static String table(List<Row> rows, String settings) {
        StringBuilder md = new StringBuilder("Dossier lifecycle in-process (10 trainees, 6 months, ").append(settings).append("), ")
                .append(Benchmarks.machine()).append("\n\n")
                .append("| database | threads | engine | dossiers/min | ms/dossier (mean per thread) | p95 ms/dossier | tasks/dossier "
                        + "| activity instances/dossier | documents ms/dossier | ms/task without documents "
                        + "| Formaflow ÷ bare, without documents (goal ≤ 1.3) |\n")
                .append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            Row bare = rows.stream().filter(r -> r.engine().equals("bare") && r.database().equals(row.database()) && r.threads() == row.threads())
                    .findFirst().orElse(null);
            String ratio = row.engine().equals("formaflow") && bare != null
                    ? String.format(Locale.ROOT, "%.2f", row.millisWithoutDocuments() / bare.millisPerDossier()) : "";
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %s |%n", row.database(),
                    row.threads(), row.engine(), row.dossiersPerMinute(), row.millisPerDossier(), row.p95(), row.tasks(), row.activities(),
                    row.documentMillis(), row.millisWithoutDocuments() / row.tasks(), ratio));
        }
        return md.toString();
    }
}
