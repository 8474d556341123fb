package fr.formaflow.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP load's figures: Gatling's statistics per request name (read from its report's {@code js/stats.js}), the
 * start-up times, the heap; written as {@code http.json} and {@code http.md}.
 */
record HttpLoadReport(int users, int rampSeconds, int durationSeconds, List<Row> rows, HttpLoad.StartUp startUp,
                      HttpLoad.StartUp startUpWithoutDossiers, AppProcess.Heap heapAfterLoad, GcLog gc, long cpuMillisUnderLoad,
                      String gatlingReport, WarmUp warmUp) {

    /** The warm-up load before the measured one, from the fresh start: all its requests, the application's CPU. */
    record WarmUp(int seconds, Row all, long cpuMillis, String gatlingReport) {

        static WarmUp read(Path report, int seconds, long cpuMillis) throws IOException {
            List<Row> rows = rows(report);
            return new WarmUp(seconds, rows.get(rows.size() - 1), cpuMillis, report.toString());
        }

        BigDecimal cpuMillisPerRequest() {
            return perRequest(cpuMillis, all);
        }
    }

    /** The first rows of the table; other request names follow in alphabetical order, then all requests. */
    private static final List<String> ORDER = List.of(DossierLoadSimulation.TASK_LIST, "task of the dossier", "task form",
            DossierLoadSimulation.TASK_COMPLETION);
    private static final ObjectMapper JS = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    /** One request name: counts, mean throughput over the run (req/s), response times (ms). */
    record Row(String name, long count, long errors, double throughput, double mean, double p50, double p95, double p99, double max) {
    }

    static HttpLoadReport read(Path report, int users, int ramp, int duration, HttpLoad.StartUp startUp, HttpLoad.StartUp quickStart,
                               AppProcess.Heap heap, GcLog gc, long cpuMillis, WarmUp warmUp) throws IOException {
        return new HttpLoadReport(users, ramp, duration, rows(report), startUp, quickStart, heap, gc, cpuMillis, report.toString(), warmUp);
    }

    /** Each request name's row, in the table's order, then all requests. */
    private static List<Row> rows(Path report) throws IOException {
        String js = Files.readString(report.resolve("js").resolve("stats.js"));
        String object = js.substring(js.indexOf('{'), js.indexOf("function fillStats")).trim();
        JsonNode root = JS.readTree(object);
        List<Row> rows = new ArrayList<>();
        root.get("contents").forEach(request -> rows.add(row(request.get("stats"))));
        rows.sort(Comparator.comparingInt((Row row) -> rank(row.name())).thenComparing(Row::name));
        rows.add(row(root.get("stats")));
        return rows;
    }

    private static int rank(String name) {
        int index = ORDER.indexOf(name);
        return index < 0 ? ORDER.size() : index;
    }

    private static Row row(JsonNode stats) {
        // Gatling's percentiles 1, 3 and 4 are 50, 95 and 99 by default (gatling-defaults.conf)
        return new Row(stats.get("name").asText(), (long) number(stats, "numberOfRequests"), (long) ko(stats, "numberOfRequests"),
                number(stats, "meanNumberOfRequestsPerSecond"), number(stats, "meanResponseTime"), number(stats, "percentiles1"),
                number(stats, "percentiles3"), number(stats, "percentiles4"), number(stats, "maxResponseTime"));
    }

    private static double number(JsonNode stats, String field) {
        return parse(stats.get(field).get("total").asText());
    }

    private static double ko(JsonNode stats, String field) {
        return parse(stats.get(field).get("ko").asText());
    }

    private static double parse(String text) {
        return "-".equals(text) ? 0 : Double.parseDouble(text.replace(",", ""));
    }

    /** Writes http.json; returns the Markdown table. */
    String write(Path out) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", Benchmarks.machine());
        json.put("users", users);
        json.put("rampSeconds", rampSeconds);
        json.put("durationSeconds", durationSeconds);
        json.put("requests", rows);
        json.put("startUp", startUp);
        json.put("startUpWithoutDemoDossiers", startUpWithoutDossiers);
        json.put("heapAfterLoad", heapAfterLoad);
        json.put("gc", gc);
        json.put("cpuMillisUnderLoad", cpuMillisUnderLoad);
        json.put("cpuMillisPerRequest", cpuMillisPerRequest());
        json.put("gatlingReport", gatlingReport);
        json.put("warmUp", warmUp);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("http.json").toFile(), json);
        return markdown();
    }

    /** The application's CPU time during the load (its process only: not PostgreSQL's, not Gatling's) per request served. */
    BigDecimal cpuMillisPerRequest() {
        return perRequest(cpuMillisUnderLoad, rows.get(rows.size() - 1));
    }

    /** CPU milliseconds per request of the all-requests row, to a tenth (half up); null without requests. */
    private static BigDecimal perRequest(long cpuMillis, Row all) {
        return all.count() == 0 ? null : BigDecimal.valueOf(cpuMillis).divide(BigDecimal.valueOf(all.count()), 1, RoundingMode.HALF_UP);
    }

    /** Milliseconds as seconds, exactly. */
    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }

    String markdown() {
        StringBuilder md = new StringBuilder()
                .append(String.format(Locale.ROOT, "HTTP load on PostgreSQL 16 (durable: fsync and synchronous commit on), Gatling: %d users "
                        + "(ramp %d s) walking Région dossiers for %d s%s, 1–3 s pauses; Formaflow with -Xmx512m; ", users, rampSeconds, durationSeconds,
                        warmUp == null ? "" : " after a warm-up load of " + warmUp.seconds() + " s"))
                .append(Benchmarks.machine()).append("\n\n")
                .append("| request | count | errors | throughput (req/s) | mean (ms) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", row.name(), row.count(),
                    row.errors(), row.throughput(), row.mean(), row.p50(), row.p95(), row.p99(), row.max()));
        }
        md.append('\n').append(String.format(Locale.ROOT, "CPU of the application's process during the load: %.1f s, %.1f ms per request.%n%n",
                seconds(cpuMillisUnderLoad), cpuMillisPerRequest()));
        if (warmUp != null) {
            Row all = warmUp.all();
            md.append(String.format(Locale.ROOT, "Before it, from the fresh start, a warm-up load of the same users for %d s (not in the table above):"
                            + " %d requests, %d errors, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms of all requests; CPU %.1f s, %.1f ms per request.%n%n",
                    warmUp.seconds(), all.count(), all.errors(), all.p50(), all.p95(), all.p99(), seconds(warmUp.cpuMillis()),
                    warmUp.cpuMillisPerRequest()));
        }
        md.append(String.format(Locale.ROOT, "Start-up of the packaged jar with its class-data sharing archive (spawn → /actuator/health UP): %.1f s;"
                + " Spring Boot's \"Started … in\": %.1f s (fresh database, demo accounts and demo dossiers)", startUp.untilHealthySeconds(),
                startUp.springSeconds()));
        if (startUpWithoutDossiers != null) {
            md.append(String.format(Locale.ROOT, "; without the demo dossiers (formaflow.demo.dossiers=false): %.1f s, \"Started … in\" %.1f s",
                    startUpWithoutDossiers.untilHealthySeconds(), startUpWithoutDossiers.springSeconds()));
        }
        md.append(".\n\n").append(String.format(Locale.ROOT, "Heap (-Xmx512m, %s): %.0f MiB used of %.0f MiB committed after the load and a full GC; "
                        + "peak before a collection during the run %d MiB (committed at most %d MiB); %d GC pauses, %.0f ms in all, longest %.0f ms.%n",
                gc.collector(), heapAfterLoad.usedMiB(), heapAfterLoad.committedMiB(), gc.peakUsedMiB(), gc.peakCommittedMiB(),
                gc.pauses(), gc.pauseMillis(), gc.maxPauseMillis()));
        return md.toString();
    }
}
