package fr.formaflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.formaflow.support.PostgresTestServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTTP load (issue 11, items 2 and 5): Formaflow in a JVM of its own with a 512 MB heap on a durable PostgreSQL 16,
 * its start-up time, then Gatling's {@link DossierLoadSimulation} in another JVM twice: a warm-up load (the same users,
 * from the fresh start, while the JIT compilers still work through the application's code: reported apart as the cold
 * figures) and the measured load, then the heap after a full GC.
 * Results: {@code http.md} and {@code http.json}, Gatling's HTML report under {@code gatling/}.
 * <p>
 * {@code -Dformaflow.bench.smoke=true}: 5 users for 10 s. {@code -Dformaflow.bench.jfr=true}: a flight recording of the
 * application ({@code http-load.jfr}).
 */
final class HttpLoad {

    /** Gatling's console summary and warnings only (Logback's default would print every debug line of Netty). */
    private static final String GATLING_LOGBACK = """
            <configuration>
              <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{15} - %msg%n</pattern></encoder>
              </appender>
              <root level="WARN"><appender-ref ref="CONSOLE"/></root>
            </configuration>
            """;

    /**
     * The warm-up load's length: on this 2-core machine a fresh JVM's compilers keep about a core busy for the first
     * minutes of load (a recording of the lifecycle's: 29 s of compilations over 100 ms each in its first 2 minutes).
     */
    static final int WARM_UP_SECONDS = Integer.getInteger("formaflow.bench.http-warm-up", 120);

    private HttpLoad() {
    }

    /** Returns the Markdown table of the run. */
    static String run(Path out, boolean smoke) throws IOException, InterruptedException {
        int users = smoke ? 5 : 50;
        int ramp = smoke ? 2 : 20;
        int duration = smoke ? 10 : 150;
        int warmUp = smoke ? 0 : WARM_UP_SECONDS;
        PostgresTestServer postgres = PostgresTestServer.startDurable();
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            CdsArchive packaged = CdsArchive.prepare(out);
            StartUp quickStart = null;
            if (!smoke) {
                postgres.createDatabase("formaflow_startup");
                try (AppProcess app = AppProcess.start(out, "startup-without-dossiers", packaged, postgres, "formaflow_startup", mail, false)) {
                    quickStart = app.startUp();
                }
            }
            postgres.createDatabase("formaflow_http");
            try (AppProcess app = AppProcess.start(out, "app", packaged, postgres, "formaflow_http", mail, true)) {
                StartUp startUp = app.startUp();
                HttpLoadReport.WarmUp cold = null;
                if (warmUp > 0) {
                    Path warmUpResults = out.resolve("gatling-warm-up");
                    Duration cpuBeforeWarmUp = app.cpuTime();
                    gatling(app.baseUrl(), users, ramp, warmUp, warmUpResults);
                    cold = HttpLoadReport.WarmUp.read(latestReport(warmUpResults), warmUp, app.cpuTime().minus(cpuBeforeWarmUp).toMillis());
                }
                Path results = out.resolve("gatling");
                Duration cpuBefore = app.cpuTime();
                int exit = gatling(app.baseUrl(), users, ramp, duration, results);
                Duration cpuUnderLoad = app.cpuTime().minus(cpuBefore);
                AppProcess.Heap heap = app.heapAfterFullGc();
                GcLog gc = GcLog.read(app.gcLog());
                HttpLoadReport report = HttpLoadReport.read(latestReport(results), users, ramp, duration, startUp, quickStart, heap, gc,
                        cpuUnderLoad.toMillis(), cold);
                if (exit != 0) {
                    System.err.println("Gatling ended with exit code " + exit + " (errors, see " + results + ")");
                }
                return report.write(out);
            }
        } finally {
            mail.stop();
            postgres.stop();
        }
    }

    /** Runs the simulation in a JVM of its own, so that its threads and heap do not disturb anything else. */
    private static int gatling(String baseUrl, int users, int ramp, int duration, Path results) throws IOException, InterruptedException {
        Path logback = results.getParent().resolve("gatling-logback.xml");
        Files.writeString(logback, GATLING_LOGBACK);
        // the JVM options of Gatling's Maven plugin: its Java DSL needs java.lang opened
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dlogback.configurationFile=" + logback,
                "-Dformaflow.http.base-url=" + baseUrl, "-Dformaflow.http.users=" + users,
                "-Dformaflow.http.ramp=" + ramp, "-Dformaflow.http.duration=" + duration,
                "-Dgatling.data.enableAnalytics=false",
                "-cp", classPath(), "io.gatling.app.Gatling",
                "-s", DossierLoadSimulation.class.getName(), "-rf", results.toString()));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** Gatling writes one directory per run: the newest one. */
    private static Path latestReport(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("No Gatling report in " + results));
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path without empty entries: an empty entry means the working directory, whose processes/ would deploy twice. */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spawn → /actuator/health UP as the launcher saw it, and Spring Boot's own "Started … in X seconds". */
    record StartUp(double untilHealthySeconds, double springSeconds) {
    }
}
