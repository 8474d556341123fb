package fr.formaflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks with JMH ({@code ./mvnw -Pbench verify}) and writes their results to the given directory:
 * JMH's JSON, and a Markdown table (latency percentiles, allocation per operation, the machine) for the README.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException, java.sql.SQLException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
        Files.createDirectories(out);
        // -Dformaflow.bench.only=a,b (or a second argument) runs only these parts: documents, catalogue, scale
        String only = args.length > 1 ? args[1] : System.getProperty("formaflow.bench.only", "");
        Set<String> parts = only.isBlank() ? Set.of("documents", "catalogue", "scale")
                : Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet());
        if (parts.contains("documents")) {
            run(out, DocumentBenchmarks.class, "documents", "Document generation", "document", "allocated per document");
        }
        if (parts.contains("catalogue")) {
            run(out, CatalogueBenchmarks.class, "catalogue", "Public catalogue search on 100 000 offers (PostgreSQL 16)", "search", null);
        }
        if (parts.contains("scale")) {
            ScaleBenchmarks.run(out, Boolean.getBoolean(ScaleBenchmarks.SMOKE));
        }
    }

    private static void run(Path out, Class<?> benchmarks, String name, String title, String what, String allocation)
            throws RunnerException, IOException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(benchmarks.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(name + ".json").toString());
        if (allocation != null) {
            options.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = table(results, title, what, allocation);
        Files.writeString(out.resolve(name + ".md"), table);
        System.out.println(table);
    }

    static String table(Collection<RunResult> results, String title, String what, String allocation) {
        StringBuilder md = new StringBuilder()
                .append(title).append(" (JMH, sample time, 1 fork, 3 × 1 s warm-up, 5 × 2 s measurement), ")
                .append(machine()).append("\n\n")
                .append("| ").append(what).append(" | samples | p50 (ms) | p90 (ms) | p95 (ms) | p99 (ms) |")
                .append(allocation == null ? "" : " " + allocation + " |").append("\n")
                .append("|---|---:|---:|---:|---:|---:|").append(allocation == null ? "" : "---:|").append("\n");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            var stats = primary.getStatistics();
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            String name = run.getParams().getBenchmark();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |", name.substring(name.lastIndexOf('.') + 1),
                    stats.getN(), stats.getPercentile(50), stats.getPercentile(90), stats.getPercentile(95), stats.getPercentile(99)));
            if (allocation != null) {
                md.append(alloc == null ? " — |" : String.format(Locale.ROOT, " %.1f MB |", alloc.getScore() / 1_000_000));
            }
            md.append('\n');
        }
        return md.toString();
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30)
                + " GiB, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }
}
