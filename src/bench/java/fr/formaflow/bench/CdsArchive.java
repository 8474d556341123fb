package fr.formaflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application as the Dockerfile deploys it: extracted, with the class-data sharing archive of a training
 * run, both made by {@code scripts/cds-archive.sh}.
 */
record CdsArchive(Path jar, Path archive) {

    /** Extracts {@code target/formaflow-*.jar} into {@code out/app} and makes its archive there (about 45 s). */
    static CdsArchive prepare(Path out) throws IOException, InterruptedException {
        Path packaged = packagedJar();
        Path app = out.resolve("app").toAbsolutePath();
        Files.createDirectories(out);
        Path log = out.resolve("cds-archive.log");
        ProcessBuilder script = new ProcessBuilder("bash", Path.of("scripts", "cds-archive.sh").toAbsolutePath().toString(), packaged.toString(),
                app.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        script.environment().put("JAVA", HttpLoad.java());
        Process process = script.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Class-data sharing preparation failed; see " + log);
        }
        return new CdsArchive(app.resolve(packaged.getFileName()), app.resolve("formaflow.jsa"));
    }

    /** The JVM options that use the archive. */
    List<String> jvmOptions() {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("formaflow.bench.target", "target")))) {
            return files.filter(f -> f.getFileName().toString().matches("formaflow-.*\\.jar") && !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("No packaged formaflow-*.jar in target/: run the package phase first"));
        }
    }
}
