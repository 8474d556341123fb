package fr.formaflow.support;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.springframework.boot.SpringApplication;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for tests, started from zonky's binaries without installation or Docker.
 * initdb and postgres refuse to run as root, so when the JVM is root (CI) every command runs as an
 * unprivileged user ({@code nobody}, or -Dformaflow.pg.user=...) through {@code runuser}.
 */
public final class PostgresTestServer {

    private static final String UNPRIVILEGED_USER = System.getProperty("formaflow.pg.user", "nobody");
    private static final String SUPERUSER = "postgres";
    private static PostgresTestServer shared;
    /** The database the shared server is started with: the shared application's (PostgresFormaflowTest). */
    public static final String SHARED_DATABASE = "formaflow";

    private final boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    private final Path binDir;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final boolean durable;
    /** More server settings, such as {@code -c shared_preload_libraries=pg_stat_statements}. */
    private final String settings;

    /** The server shared by the whole JVM: started on first use, stopped at JVM exit after the Spring contexts. */
    public static synchronized PostgresTestServer shared() {
        if (shared == null) {
            try {
                PostgresTestServer server = new PostgresTestServer(extractBinaries(), false, "");
                // after the Spring contexts have closed: a plain shutdown hook would race with them
                SpringApplication.getShutdownHandlers().add(server::stop);
                server.start();
                server.createDatabase(SHARED_DATABASE);
                shared = server;
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Cannot start the test PostgreSQL server: " + e, e);
            }
        }
        return shared;
    }

    /**
     * Stops the shared server now, if one was started. For JMH's benchmark JVMs, which end without running shutdown
     * handlers: their servers would outlive them.
     */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    /**
     * A server of its own for a benchmark, with a production's durability (fsync, synchronous commit, full page writes):
     * the caller stops it with {@link #stop()}.
     */
    public static PostgresTestServer startDurable() {
        return startOwn(true, "");
    }

    /**
     * A server of its own, without durability (like the shared one), with more settings (e.g. {@code -c
     * shared_preload_libraries=pg_stat_statements}): the caller stops it with {@link #stop()}.
     */
    public static PostgresTestServer startWith(String settings) {
        return startOwn(false, settings);
    }

    private static PostgresTestServer startOwn(boolean durable, String settings) {
        try {
            PostgresTestServer server = new PostgresTestServer(extractBinaries(), durable, settings);
            server.start();
            return server;
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot start a PostgreSQL server of its own: " + e, e);
        }
    }

    private PostgresTestServer(Path installDir, boolean durable, String settings) throws IOException {
        this.durable = durable;
        this.settings = settings;
        binDir = installDir.resolve("bin");
        dataDir = Files.createTempDirectory("formaflow-pg-data-"); // mode 0700, as postgres requires
        logFile = dataDir.resolve("postgres.log");
        if (root) {
            try {
                Files.setOwner(dataDir, dataDir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(UNPRIVILEGED_USER));
            } catch (IOException e) {
                deleteRecursively(dataDir);
                throw new IOException("Cannot give " + dataDir + " to user '" + UNPRIVILEGED_USER + "'", e);
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    /** Creates an empty database, e.g. to give one test class a database of its own. */
    public void createDatabase(String name) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + jdbcUrl(name), e);
        }
    }

    private void start() throws InterruptedException {
        run(binDir.resolve("initdb").toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF-8",
                "--locale=C", "--no-sync", "-D", dataDir.toString());
        // -l matters: without a log file the server would inherit our pipe and run() would never see EOF
        run(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", logFile.toString(),
                "-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=''"
                        + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off") + " -c max_connections=200" + (settings.isEmpty() ? "" : " " + settings),
                "-w", "start");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection ignored = connect()) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL refuses connections on " + jdbcUrl("postgres")
                            + "\nServer log:\n" + serverLog(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the server and deletes its data; the shared server stops by itself at JVM exit. */
    public void stop() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
            }
        } catch (RuntimeException e) {
            System.err.println("Cannot stop the test PostgreSQL server: " + e.getMessage());
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
    }

    /** Runs a command, as the unprivileged user when we are root; fails with the command and its output. */
    private void run(String... command) {
        List<String> full = new ArrayList<>(root ? List.of("runuser", "-u", UNPRIVILEGED_USER, "--") : List.of());
        full.addAll(List.of(command));
        String output = "";
        try {
            // a working directory the unprivileged user can enter (the JVM's may be under /root)
            Process process = new ProcessBuilder(full).directory(dataDir.getParent().toFile())
                    .redirectErrorStream(true).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException("exit code " + process.exitValue());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Command failed (" + e.getMessage() + "): " + String.join(" ", full)
                    + "\n" + output + (Files.exists(logFile) ? "\nServer log:\n" + serverLog() : ""), e);
        }
    }

    private String serverLog() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Extracts zonky's txz once per content hash into ${java.io.tmpdir}/formaflow-pg-<user>/<hash>. */
    private static Path extractBinaries() throws IOException {
        String arch = System.getProperty("os.arch");
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
                System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux",
                "amd64".equals(arch) ? "x86_64" : arch)) {
            archive = in.readAllBytes();
        }
        // one cache per user, so that lock files and partial extractions never belong to someone else
        String user = System.getProperty("user.name");
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "formaflow-pg-" + user);
        Files.createDirectories(cache);
        if (!Files.getOwner(cache).getName().equals(user)) {
            throw new IOException(cache + " belongs to another user, refusing to run binaries from it");
        }
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        CRC32 crc = new CRC32();
        crc.update(archive);
        Path target = cache.resolve(archive.length + "-" + Long.toHexString(crc.getValue()));
        try (FileChannel channel = FileChannel.open(Path.of(target + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(target.resolve(".complete"))) {
                deleteRecursively(target);
                untar(archive, target);
                Files.createFile(target.resolve(".complete"));
            }
        }
        return target;
    }

    private static void untar(byte[] archive, Path target) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Archive entry outside the target directory: " + entry.getName());
                }
                Files.createDirectories(entry.isDirectory() ? out : out.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(out, target.resolve(entry.getLinkName()));
                } else if (!entry.isDirectory()) {
                    Files.copy(tar, out);
                    // readable (and executable, for executables) by everybody, whatever our umask
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path dir : paths.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void deleteRecursively(Path path) {
        if (Files.exists(path)) {
            try (Stream<Path> paths = Files.walk(path)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("Cannot delete " + path + ": " + e);
            }
        }
    }
}
