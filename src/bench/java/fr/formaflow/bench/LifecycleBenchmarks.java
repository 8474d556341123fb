package fr.formaflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import fr.formaflow.support.PostgresTestServer;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Complete dossiers (ten trainees, six months, every task, invoice and document) per minute, through Formaflow and
 * through the bare engine running the same process shapes with no-op delegates and listeners. The counters give, per
 * dossier, the user tasks completed, the activity instances the engine recorded (the same on both sides, which shows
 * the shapes match) and the milliseconds spent generating documents (reported apart).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MINUTES)
public class LifecycleBenchmarks {

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

    @Setup(Level.Trial)
    public void start() {
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
    }

    /** The user tasks and activity instances of one dossier, across its main, monthly and follow-up instances. */
    private void measureShape(HistoryService history, String businessKey) {
        tasksPerDossier = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).count();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
            activitiesPerDossier += history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (application != null) {
            application.close();
        }
        if (bareEngine != null) {
            bareEngine.close();
            bareDataSource.close();
        }
    }

    /** Per-thread counters, reported by JMH as rates next to the dossiers per minute. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class PerDossier {

        public long tasks;
        public long activities;
        public long documentMicros;

        @Setup(Level.Iteration)
        public void reset() {
            tasks = 0;
            activities = 0;
            documentMicros = 0;
        }
    }

    @Benchmark
    public String dossier(PerDossier counters) {
        long documents = DocumentTiming.nanos();
        String key = lifecycle.run();
        counters.tasks += tasksPerDossier;
        counters.activities += activitiesPerDossier;
        counters.documentMicros += (DocumentTiming.nanos() - documents) / 1_000;
        return key;
    }
}
