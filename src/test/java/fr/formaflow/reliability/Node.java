package fr.formaflow.reliability;

import fr.formaflow.FormaflowApplication;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.PostgresTestServer;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Formaflow node running in a JVM of its own on a PostgreSQL database, as in production (the job executor on),
 * that a test can start, kill -9 and restart.
 */
final class Node implements AutoCloseable {

    private final String database;
    private final String name;
    private final int port;
    private final Path log;
    private Process process;

    Node(String database, String name) {
        this.database = database;
        this.name = name;
        this.port = freePort();
        this.log = Path.of("target", "reliability", name + ".log");
    }

    Node start() throws IOException, InterruptedException {
        PostgresTestServer server = PostgresTestServer.shared();
        log.getParent().toFile().mkdirs();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // the build's choices for its test JVMs (compilers, collector) apply to the nodes too
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-XX:")).forEach(command::add);
        command.addAll(List.of(
                "-Duser.timezone=Europe/Paris", "-cp", classPath(), FormaflowApplication.class.getName(),
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--spring.datasource.url=" + server.jdbcUrl(database), "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=", "--formaflow.demo-data=true", "--formaflow.demo.password=formaflow",
                "--formaflow.demo.dossiers=false", "--spring.main.banner-mode=off"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        WebClient http = client();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log);
            }
            try {
                if (http.get("/actuator/health").statusCode() == 200) {
                    return this;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not start within 3 minutes; see " + log);
    }

    /** kill -9: no shutdown hook, no transaction finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    WebClient client() {
        return new WebClient("http://localhost:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test JVM's class path without empty entries: an empty entry means the working directory, whose processes/ would deploy twice. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }
}
