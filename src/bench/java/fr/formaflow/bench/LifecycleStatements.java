package fr.formaflow.bench;

import fr.formaflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SQL statements behind one lifecycle dossier ({@link FormaflowLifecycle}) on PostgreSQL, counted by the server
 * itself ({@code pg_stat_statements}): the engine's (statements on {@code ACT_*} tables) and Formaflow's, then
 * Formaflow's most frequent ones. Three dossiers warm up first. Prints Markdown.
 * <p>
 * {@code java -cp "target/test-classes:target/classes:$(cat cp)" fr.formaflow.bench.LifecycleStatements [dossiers]}
 */
public final class LifecycleStatements {

    private static final String OWN_DATABASE = " where dbid = (select oid from pg_database where datname = current_database())";
    private static final String ENGINE = "query ~* '\\mact_'";

    private LifecycleStatements() {
    }

    public static void main(String[] args) throws SQLException {
        int dossiers = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresTestServer server = PostgresTestServer.startWith("-c shared_preload_libraries=pg_stat_statements");
        try {
            server.createDatabase("statements");
            String url = server.jdbcUrl("statements");
            try (ConfigurableApplicationContext app = BenchApplication.startOnPostgres(url, server.username());
                    Connection connection = DriverManager.getConnection(url, server.username(), "");
                    Statement sql = connection.createStatement()) {
                sql.execute("create extension if not exists pg_stat_statements");
                FormaflowLifecycle lifecycle = new FormaflowLifecycle(app);
                for (int i = 0; i < 3; i++) {
                    lifecycle.run();
                }
                sql.execute("select pg_stat_statements_reset()");
                for (int i = 0; i < dossiers; i++) {
                    lifecycle.run();
                }
                System.out.println(report(sql, dossiers));
            }
        } finally {
            server.stop();
        }
        System.exit(0);
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
        return md.toString();
    }
}
