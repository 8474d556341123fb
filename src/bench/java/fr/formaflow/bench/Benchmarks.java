package fr.formaflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark suite ({@code ./mvnw -Pbench verify}) and writes each part's results to the given directory:
 * JMH's JSON and a Markdown table (with the machine) for the README; {@code results.md} gathers the tables.
 * {@code -Dformaflow.bench.only=documents,lifecycle} runs some parts; {@code -Dformaflow.bench.smoke=true} runs every
 * part for a few seconds, to keep the suite working (CI), without meaningful figures.
 */
public final class Benchmarks {

    static final boolean SMOKE = Boolean.getBoolean("formaflow.bench.smoke");
    private static final List<String> PARTS = List.of("documents", "invoicing", "catalogue", "lifecycle", "http", "scale");

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
        Files.createDirectories(out);
        String only = System.getProperty("formaflow.bench.only", "");
        Set<String> selected = only.isBlank() ? Set.copyOf(PARTS) : Set.of(only.replace(" ", "").split(","));
        List<String> tables = new ArrayList<>();
        for (String part : PARTS) {
            if (selected.contains(part)) {
                String table = run(part, out);
                Files.writeString(out.resolve(part + ".md"), table);
                System.out.println(table);
                tables.add(table);
            }
        }
        Files.writeString(out.resolve("results.md"), String.join("\n", tables));
    }

    private static String run(String part, Path out) throws RunnerException, IOException, InterruptedException {
        return switch (part) {
            case "documents" -> percentiles(jmh(DocumentBenchmarks.class, out.resolve("documents.json"), 1).addProfiler(GCProfiler.class),
                    "Document generation (30 trainees)", "document", DocumentPages.count());
            case "invoicing" -> percentiles(jmh(InvoiceBenchmarks.class, out.resolve("invoicing.json"), 1),
                    "Invoice calculation of an action of 500 trainees × 12 months (goal < 50 ms)", "calculation", Map.of());
            case "catalogue" -> percentiles(jmh(CatalogueBenchmarks.class, out.resolve("catalogue.json"), 1),
                    "Public catalogue search on 100 000 offers (PostgreSQL 16, goal p95 < 100 ms)", "search", Map.of());
            case "lifecycle" -> lifecycle(out);
            case "http" -> HttpLoad.run(out, SMOKE);
            case "scale" -> ScaleBenchmarks.run(out, SMOKE);
            default -> throw new IllegalArgumentException("Unknown part " + part + "; parts: " + PARTS);
        };
    }

    private static String lifecycle(Path out) throws RunnerException, IOException {
        List<LifecycleReport.Row> rows = new ArrayList<>();
        for (int threads : SMOKE ? new int[] {1} : lifecycleThreads()) {
            ChainedOptionsBuilder options = new OptionsBuilder().include(LifecycleBenchmarks.class.getName()).shouldFailOnError(true)
                    .forks(1).threads(threads).jvmArgsAppend("-Xmx2g", "-Dformaflow.bench.out=" + out.toAbsolutePath(),
                            "-Dformaflow.bench.evaluationLinks=" + FormaflowLifecycle.EVALUATION_LINKS,
                            "-Dformaflow.bench.warm-up-dossiers=" + (SMOKE ? 0 : LifecycleBenchmarks.WARM_UP_DOSSIERS))
                    .resultFormat(ResultFormatType.JSON).result(out.resolve("lifecycle-" + threads + "-threads.json").toString());
            if (SMOKE) {
                options.param("database", "h2").warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.seconds(1));
            } else {
                options.warmupIterations(1).warmupTime(TimeValue.seconds(20)).measurementIterations(2).measurementTime(TimeValue.seconds(30));
            }
            rows.addAll(LifecycleReport.rows(new Runner(options.build()).run()));
        }
        return LifecycleReport.table(rows, SMOKE ? "smoke run" : "JMH sample time, 1 fork, " + LifecycleBenchmarks.WARM_UP_DOSSIERS
                + " dossiers untimed then 20 s of warm-up, 2 × 30 s measurement");
    }

    /** -Dformaflow.bench.threads=1 measures the lifecycle with one thread only (a quick check before a change lands). */
    private static int[] lifecycleThreads() {
        return Arrays.stream(System.getProperty("formaflow.bench.threads", "1,4").split(",")).mapToInt(t -> Integer.parseInt(t.trim())).toArray();
    }

    /** A JMH run of one class in sample-time mode, shortened to a few seconds in smoke mode. */
    private static ChainedOptionsBuilder jmh(Class<?> benchmarks, Path result, int threads) {
        ChainedOptionsBuilder options = new OptionsBuilder().include(benchmarks.getName()).shouldFailOnError(true)
                .forks(1).threads(threads).jvmArgsAppend("-Xmx1g")
                .resultFormat(ResultFormatType.JSON).result(result.toString());
        return SMOKE ? options.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                : options.warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
    }

    /** Latency percentiles per benchmark method; with page counts, the time per page; with the GC profiler, allocation. */
    static String percentiles(ChainedOptionsBuilder options, String title, String what, Map<String, Integer> pages)
            throws RunnerException {
        Options built = options.build();
        Collection<RunResult> results = new Runner(built).run();
        boolean allocation = results.stream().anyMatch(r -> r.getSecondaryResults().containsKey("gc.alloc.rate.norm"));
        StringBuilder md = new StringBuilder()
                .append(title).append(SMOKE ? " (smoke run)" : " (JMH, sample time, 1 fork, " + timing(built) + ")")
                .append(", ").append(machine()).append("\n\n")
                .append("| ").append(what).append(" | samples | p50 (ms) | p90 (ms) | p95 (ms) | p99 (ms) |")
                .append(pages.isEmpty() ? "" : " pages | p50 per page (ms, goal < 20) |")
                .append(allocation ? " allocated per " + what + " |" : "").append("\n")
                .append("|---|---:|---:|---:|---:|---:|").append(pages.isEmpty() ? "" : "---:|---:|").append(allocation ? "---:|" : "").append("\n");
        for (RunResult run : results) {
            var stats = run.getPrimaryResult().getStatistics();
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |", name, stats.getN(), stats.getPercentile(50),
                    stats.getPercentile(90), stats.getPercentile(95), stats.getPercentile(99)));
            if (!pages.isEmpty()) {
                int count = pages.getOrDefault(name, 1);
                md.append(String.format(Locale.ROOT, " %d | %.2f |", count, stats.getPercentile(50) / count));
            }
            if (allocation) {
                Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
                md.append(alloc == null ? " — |" : String.format(Locale.ROOT, " %.1f MB |", alloc.getScore() / 1_000_000));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The run's iterations as its options set them, e.g. "3 × 1 s warm-up, 5 × 2 s measurement". */
    static String timing(Options options) {
        return options.getWarmupIterations().orElse(0) + " × " + duration(options.getWarmupTime().orElse(TimeValue.NONE)) + " warm-up, "
                + options.getMeasurementIterations().orElse(0) + " × " + duration(options.getMeasurementTime().orElse(TimeValue.NONE))
                + " measurement";
    }

    private static String duration(TimeValue time) {
        return time.getTimeUnit() == TimeUnit.MILLISECONDS ? time.getTime() + " ms" : time.getTimeUnit().toSeconds(time.getTime()) + " s";
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30)
                + " GiB, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }
}
