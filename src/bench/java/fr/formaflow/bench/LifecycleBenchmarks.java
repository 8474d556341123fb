package fr.formaflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import fr.formaflow.support.PostgresTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The time of one complete dossier (ten trainees, six months, every task, invoice and document) per thread, through
 * Formaflow and through the bare engine running the same process shapes with no-op delegates and listeners. Written
 * next to JMH's results, per dossier: the user tasks completed, the activity instances the engine recorded (the same on
 * both sides, which shows the shapes match) and the time spent generating documents in the measured iterations.
 * <p>
 * Each engine first runs {@link #WARM_UP_DOSSIERS} dossiers untimed, the same number on both sides (their databases then
 * hold the same rows): a fresh JVM's compilers work through Formaflow's code for its first few dozen dossiers, and JMH's
 * warm-up of a few seconds left the measured dossiers a fifth slower than later ones on PostgreSQL (4.0 s per dossier in
 * the first 30 s, 3.4, 3.0, then 2.5–2.9 s from the fourth minute on).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LifecycleBenchmarks {

    static final int WARM_UP_DOSSIERS = Integer.getInteger("formaflow.bench.warm-up-dossiers", 40);

    @Param({"formaflow", "bare"})
    public String engine;

    @Param({"h2", "postgres"})
    public String database;

    ConfigurableApplicationContext application;
    ProcessEngine bareEngine;
    HikariDataSource bareDataSource;
    Lifecycle lifecycle;
    long tasksPerDossier;
    long activitiesPerDossier;
    int threads;
    volatile boolean measuring;
    final AtomicLong dossiers = new AtomicLong();
    final AtomicLong documentNanos = new AtomicLong();

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        threads = params.getThreads();
        ProcessEngine processEngine;
        if ("formaflow".equals(engine)) {
            application = BenchApplication.start(database, new DocumentTiming());
            processEngine = application.getBean(ProcessEngine.class);
            lifecycle = new FormaflowLifecycle(application);
        } else {
            bareDataSource = new HikariDataSource();
            if ("postgres".equals(database)) {
                PostgresTestServer server = PostgresTestServer.shared();
                String name = "bare_" + System.nanoTime();
                server.createDatabase(name);
                bareDataSource.setJdbcUrl(server.jdbcUrl(name));
                bareDataSource.setUsername(server.username());
            } else {
                bareDataSource.setJdbcUrl("jdbc:h2:mem:bare-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            }
            processEngine = bareEngine = BareEngine.start(bareDataSource, "bare-" + System.nanoTime());
            lifecycle = new BareLifecycle(bareEngine);
        }
        measureShape(processEngine.getHistoryService(), lifecycle.run());
        for (int i = 0; i < WARM_UP_DOSSIERS; i++) {
            lifecycle.run();
        }
    }

    /** The user tasks and activity instances of one dossier, across its main, monthly and follow-up instances. */
    private void measureShape(HistoryService history, String businessKey) {
        tasksPerDossier = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).count();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
            activitiesPerDossier += history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        writeCounts();
        if (application != null) {
            application.close();
        }
        if (bareEngine != null) {
            bareEngine.close();
            bareDataSource.close();
        }
        PostgresTestServer.stopShared();
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public String dossier() {
        long documents = DocumentTiming.nanos();
        String key = lifecycle.run();
        if (measuring) {
            dossiers.incrementAndGet();
            documentNanos.addAndGet(DocumentTiming.nanos() - documents);
        }
        return key;
    }

    /** What JMH cannot count in sample-time mode, per dossier of the measured iterations, for {@link LifecycleReport}. */
    private void writeCounts() throws IOException {
        Properties counts = new Properties();
        counts.setProperty("tasks", String.valueOf(tasksPerDossier));
        counts.setProperty("activities", String.valueOf(activitiesPerDossier));
        counts.setProperty("documentMillis", String.valueOf(dossiers.get() == 0 ? 0 : documentNanos.get() / 1_000_000 / dossiers.get()));
        Path file = LifecycleReport.countsFile(engine, database, threads);
        Files.createDirectories(file.getParent());
        try (var out = Files.newOutputStream(file)) {
            counts.store(out, null);
        }
    }
}
