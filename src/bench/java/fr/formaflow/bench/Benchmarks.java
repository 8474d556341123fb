package fr.formaflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks with JMH ({@code ./mvnw -Pbench verify}) and writes their results to the given directory:
 * JMH's JSON, and a Markdown table (latency percentiles, allocation per operation, the machine) for the README.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
        Files.createDirectories(out);
        Options options = new OptionsBuilder()
                .include(DocumentBenchmarks.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("documents.json").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        String table = table(results);
        Files.writeString(out.resolve("documents.md"), table);
        System.out.println(table);
    }

    static String table(Collection<RunResult> results) {
        StringBuilder md = new StringBuilder()
                .append("Document generation (JMH, sample time, 1 fork, 3 × 1 s warm-up, 5 × 2 s measurement), ")
                .append(machine()).append("\n\n")
                .append("| document | samples | p50 (ms) | p90 (ms) | p99 (ms) | allocated per document |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            var stats = primary.getStatistics();
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            String name = run.getParams().getBenchmark();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s |%n", name.substring(name.lastIndexOf('.') + 1),
                    stats.getN(), stats.getPercentile(50), stats.getPercentile(90), stats.getPercentile(99),
                    alloc == null ? "—" : String.format(Locale.ROOT, "%.1f MB", alloc.getScore() / 1_000_000)));
        }
        return md.toString();
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30)
                + " GiB, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }
}
