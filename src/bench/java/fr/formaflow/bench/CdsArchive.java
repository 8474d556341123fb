package fr.formaflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application as it is deployed (Dockerfile): extracted by Spring Boot's jar tools, with a class-data
 * sharing archive made by a training run. JDK 17's dynamic archive ({@code -XX:ArchiveClassesAtExit}) crashes on
 * Formaflow's lambdas, so the archive is a static one made from the training run's class list, lambda proxies left out.
 */
record CdsArchive(Path jar, Path archive) {

    /** Extracts {@code target/formaflow-*.jar} into {@code out/app} and makes its archive there (about 45 s). */
    static CdsArchive prepare(Path out) throws IOException, InterruptedException {
        Path packaged = packagedJar();
        Path app = out.resolve("app").toAbsolutePath();
        run(app.getParent(), List.of(HttpLoad.java(), "-Djarmode=tools", "-jar", packaged.toString(), "extract", "--force", "--destination", app.toString()));
        Path jar = app.resolve(packaged.getFileName());
        Path classes = app.resolve("classes.lst");
        Path archive = app.resolve("formaflow.jsa");
        // the training run: the application up to its context's refresh, on a throw-away H2 database, without the demo
        run(app, List.of(HttpLoad.java(), "-XX:DumpLoadedClassList=" + classes, "-Dspring.context.exit=onRefresh", "-jar", jar.toString(),
                "--spring.datasource.url=jdbc:h2:mem:cds-training;NON_KEYWORDS=VALUE,YEAR,MONTH", "--formaflow.demo-data=false",
                "--camunda.bpm.job-execution.enabled=false", "--server.port=0", "--spring.main.banner-mode=off"));
        Path withoutLambdas = app.resolve("classes-without-lambdas.lst");
        try (Stream<String> lines = Files.lines(classes)) {
            Files.write(withoutLambdas, lines.filter(line -> !line.startsWith("@lambda-proxy")).toList());
        }
        run(app, List.of(HttpLoad.java(), "-Xshare:dump", "-XX:SharedClassListFile=" + withoutLambdas, "-XX:SharedArchiveFile=" + archive,
                "-jar", jar.toString()));
        return new CdsArchive(jar, archive);
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

    private static void run(Path directory, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path log = directory.resolve("cds-" + (command.contains("-Xshare:dump") ? "dump" : command.contains("extract") ? "extract" : "training") + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Class-data sharing preparation failed: " + String.join(" ", command) + "; see " + log);
        }
    }
}
