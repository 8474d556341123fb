package fr.formaflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import fr.formaflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SQL statements behind one lifecycle dossier ({@link FormaflowLifecycle}) on PostgreSQL, counted by the server
 * itself ({@code pg_stat_statements}): the engine's (statements on {@code ACT_*} tables) and Formaflow's, then
 * Formaflow's most frequent ones; then the same dossiers on the {@link BareEngine}, in a database of its own, and the
 * engine's statements Formaflow runs more often than the bare engine does. Three dossiers warm up first. Prints Markdown.
 * <p>
 * {@code java -cp "target/test-classes:target/classes:$(cat cp)" fr.formaflow.bench.LifecycleStatements [dossiers]}
 */
public final class LifecycleStatements {

    private static final String OWN = "statements", BARE = "bare";
    private static final String OWN_DATABASE = of(OWN), BARE_DATABASE = of(BARE);
    private static final String ENGINE = "query ~* '\\mact_'";

    private LifecycleStatements() {
    }

    /** The condition on {@code pg_stat_statements} that keeps one database's statements. */
    static String of(String database) {
        return " where dbid = (select oid from pg_database where datname = '" + database + "')";
    }

    public static void main(String[] args) throws SQLException {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresTestServer server = PostgresTestServer.startWith("-c shared_preload_libraries=pg_stat_statements");
        try {
            server.createDatabase(OWN);
            server.createDatabase(BARE);
            String url = server.jdbcUrl(OWN);
            try (Connection connection = DriverManager.getConnection(url, server.username(), "");
                    Statement sql = connection.createStatement()) {
                sql.execute("create extension if not exists pg_stat_statements");
                // the bare engine first and alone: Formaflow's engine tuning changes statement mappings the engines share
                try (HikariDataSource bareDataSource = new HikariDataSource()) {
                    bareDataSource.setJdbcUrl(server.jdbcUrl(BARE));
                    bareDataSource.setUsername(server.username());
                    ProcessEngine bareEngine = BareEngine.start(bareDataSource, BARE);
                    try {
                        run(new BareLifecycle(bareEngine), dossiers, sql, BARE);
                    } finally {
                        bareEngine.close();
                    }
                }
                try (ConfigurableApplicationContext app = BenchApplication.startOnPostgres(url, server.username())) {
                    run(new FormaflowLifecycle(app), dossiers, sql, OWN);
                }
                System.out.println(report(sql, dossiers));
            }
        } finally {
            server.stop();
        }
        System.exit(0);
    }

    /** Warms up with three dossiers whose statements are then forgotten, and runs the counted ones. */
    private static void run(Lifecycle lifecycle, int dossiers, Statement sql, String database) throws SQLException {
        for (int i = 0; i < 3; i++) {
            lifecycle.run();
        }
        sql.execute("select pg_stat_statements_reset(0, oid, 0) from pg_database where datname = '" + database + "'");
        for (int i = 0; i < dossiers; i++) {
            lifecycle.run();
        }
    }

    private static String report(Statement sql, int dossiers) throws SQLException {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "SQL statements per lifecycle dossier on PostgreSQL (pg_stat_statements, %d dossiers after 3 warm-up ones)%n%n"
                        + "| statements of | per dossier | execution ms per dossier |%n|---|---:|---:|%n", dossiers));
        try (ResultSet rows = sql.executeQuery("select case when " + ENGINE + " then 'the engine (ACT_*)' else 'Formaflow' end,"
                + " sum(calls), sum(total_exec_time) from pg_stat_statements" + OWN_DATABASE + " group by 1 order by 1 desc")) {
            while (rows.next()) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f |%n", rows.getString(1), rows.getDouble(2) / dossiers,
                        rows.getDouble(3) / dossiers));
            }
        }
        md.append(String.format(Locale.ROOT, "%nFormaflow's most frequent statements:%n%n| per dossier | statement |%n|---:|---|%n"));
        try (ResultSet rows = sql.executeQuery("select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_statements"
                + OWN_DATABASE + " and not " + ENGINE + " order by calls desc limit 15")) {
            while (rows.next()) {
                md.append(String.format(Locale.ROOT, "| %.0f | `%s` |%n", rows.getDouble(1) / dossiers, rows.getString(2).replace("|", "\\|")));
            }
        }
        try (ResultSet rows = sql.executeQuery("select sum(calls), sum(total_exec_time) from pg_stat_statements" + BARE_DATABASE)) {
            rows.next();
            md.append(String.format(Locale.ROOT, "%nThe bare engine, same dossiers: %.0f statements per dossier, %.1f ms of execution.%n",
                    rows.getDouble(1) / dossiers, rows.getDouble(2) / dossiers));
        }
        try (ResultSet rows = sql.executeQuery("select (select coalesce(sum(calls), 0) from pg_stat_statements" + OWN_DATABASE
                + " and query = 'BEGIN'), (select coalesce(sum(calls), 0) from pg_stat_statements" + BARE_DATABASE + " and query = 'BEGIN')")) {
            rows.next();
            md.append(String.format(Locale.ROOT, "%nTransactions per dossier (`BEGIN`): Formaflow %.0f, the bare engine %.0f.%n",
                    rows.getDouble(1) / dossiers, rows.getDouble(2) / dossiers));
        }
        md.append(String.format(Locale.ROOT, "%nThe engine's statements Formaflow runs more often than the bare engine:%n%n"
                + "| Formaflow per dossier | bare engine per dossier | statement |%n|---:|---:|---|%n"));
        try (ResultSet rows = sql.executeQuery("with own as (select query, sum(calls) calls from pg_stat_statements" + OWN_DATABASE
                + " and " + ENGINE + " group by query), bare as (select query, sum(calls) calls from pg_stat_statements" + BARE_DATABASE
                + " group by query) select own.calls, coalesce(bare.calls, 0), left(regexp_replace(own.query, '\\s+', ' ', 'g'), 110)"
                + " from own left join bare using (query) order by own.calls - coalesce(bare.calls, 0) desc limit 20")) {
            while (rows.next()) {
                md.append(String.format(Locale.ROOT, "| %.0f | %.0f | `%s` |%n", rows.getDouble(1) / dossiers, rows.getDouble(2) / dossiers,
                        rows.getString(3).replace("|", "\\|")));
            }
        }
        return md.toString();
    }
}
