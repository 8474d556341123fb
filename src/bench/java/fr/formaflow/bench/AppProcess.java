package fr.formaflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import fr.formaflow.support.PostgresTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Formaflow in a JVM of its own (-Xmx512m, GC log), as deployed with the postgres profile and the demo accounts. */
final class AppProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path log;
    private final Path gcLog;
    private final HttpLoad.StartUp startUp;

    private AppProcess(Process process, int port, Path log, Path gcLog, long spawnedAt) throws IOException, InterruptedException {
        this.process = process;
        this.port = port;
        this.log = log;
        this.gcLog = gcLog;
        double healthy = waitUntilHealthy(spawnedAt);
        this.startUp = new HttpLoad.StartUp(healthy, springStartUp());
    }

    /** Starts the packaged application with its class-data sharing archive and waits until /actuator/health answers UP. */
    static AppProcess start(Path out, String name, CdsArchive app, PostgresTestServer postgres, String database, GreenMail mail, boolean demoDossiers)
            throws IOException, InterruptedException {
        int port = HttpLoad.freePort();
        Path log = out.resolve("http-load-" + name + ".log");
        Path gcLog = out.resolve("http-load-" + name + "-gc.log");
        List<String> command = new ArrayList<>(List.of(HttpLoad.java(), "-Xmx512m", "-Xlog:gc:file=" + gcLog,
                "-Duser.timezone=Europe/Paris", "-Duser.language=fr"));
        command.addAll(app.jvmOptions());
        if (Boolean.getBoolean("formaflow.bench.jfr")) {
            // whole stacks (JFR keeps 64 frames by default): a request's frames below Tomcat, Spring Security and Jersey run deeper
            command.add("-XX:FlightRecorderOptions:stackdepth=1024");
            command.add("-XX:StartFlightRecording=filename=" + out.resolve("http-load-" + name + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", app.jar().toString(),
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl(database), "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=", "--formaflow.demo-data=true", "--formaflow.demo.password=formaflow",
                "--formaflow.demo.dossiers=" + demoDossiers, "--formaflow.public-url=http://localhost:" + port,
                "--spring.mail.host=localhost", "--spring.mail.port=" + mail.getSmtp().getPort(), "--spring.main.banner-mode=off"));
        long spawnedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return new AppProcess(process, port, log, gcLog, spawnedAt);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The CPU time the application's process has used so far (all its threads, user and system). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("No CPU time for " + process.pid()));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    HttpLoad.StartUp startUp() {
        return startUp;
    }

    Path gcLog() {
        return gcLog;
    }

    private double waitUntilHealthy(long spawnedAt) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = spawnedAt + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Formaflow stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return (System.nanoTime() - spawnedAt) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Formaflow did not start within 5 minutes; see " + log);
    }

    private double springStartUp() throws IOException {
        Matcher matcher = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    /** Heap used and committed after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in MiB. */
    Heap heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher matcher = HEAP.matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info: " + info);
        }
        return new Heap(Long.parseLong(matcher.group(2)) / 1024.0, Long.parseLong(matcher.group(1)) / 1024.0, info.lines().findFirst().orElse(""));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(1, TimeUnit.MINUTES);
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The heap after a full GC, in MiB, and the GC's description of it. */
    record Heap(double usedMiB, double committedMiB, String description) {
    }
}
