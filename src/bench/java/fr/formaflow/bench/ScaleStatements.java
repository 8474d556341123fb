package fr.formaflow.bench;

import fr.formaflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the time of each request of the scale part ({@link ScaleBenchmarks}) goes: PostgreSQL seeded as for the
 * suite ({@link ScaleSeed}), then, request type by request type, warm-up requests, then counted ones, timed by the
 * client and by the server itself ({@code pg_stat_statements} with planning times). Prints Markdown: per request, the
 * client's p50 and p95, the statements, their execution and planning milliseconds, and the costliest statements.
 * <p>
 * {@code java -cp "target/test-classes:target/classes:$(cat cp)" fr.formaflow.bench.ScaleStatements [finished running requests]}
 * (90 000, 10 000 and 200 by default: the suite's database, about 20 minutes of seeding on 2 cores). With
 * {@code -Dformaflow.bench.scale.keep=true} the seeded server stays up and its address is printed; with
 * {@code -Dformaflow.bench.scale.url=…} (and {@code .user}) the requests run on such a database, without seeding, as
 * {@link ScaleBenchmarks} does with the same properties: one seeding, then runs of several commits on the same rows.
 */
public final class ScaleStatements {

    private static final String DATABASE = "scale_statements";
    /** Leaves the seeded server running at the end, for more runs ({@link ScaleBenchmarks} or this class) on the same rows. */
    private static final String KEEP = "formaflow.bench.scale.keep";

    private ScaleStatements() {
    }

    public static void main(String[] args) throws SQLException {
        int finished = args.length > 0 ? Integer.parseInt(args[0]) : 90_000;
        int running = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String given = System.getProperty(ScaleBenchmarks.URL);
        PostgresTestServer server = given != null ? null : PostgresTestServer.startWith(
                "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on");
        boolean keep = given != null || Boolean.getBoolean(KEEP);
        try {
            String url = given != null ? given : server.jdbcUrl(DATABASE);
            String user = given != null ? System.getProperty(ScaleBenchmarks.USER, "postgres") : server.username();
            if (server != null) {
                server.createDatabase(DATABASE);
            }
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    Statement sql = connection.createStatement()) {
                sql.execute("create extension if not exists pg_stat_statements");
                if (server != null) {
                    try (ScaleApp app = new ScaleApp(url, user)) {
                        System.out.println(new ScaleSeed(app.context).seed(finished, running, line -> System.out.println("[scale seed] " + line)));
                    }
                    if (keep) {
                        System.out.println("[scale seed] the seeded database stays: -D" + ScaleBenchmarks.URL + "=" + url + " -D"
                                + ScaleBenchmarks.USER + "=" + user);
                    }
                }
                System.out.println(measureAll(url, user, requests, sql, database(url)));
            }
        } finally {
            if (server != null && !keep) {
                server.stop();
            }
        }
        System.exit(0);
    }

    private static String database(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String measureAll(String url, String user, int requests, Statement sql, String database) throws SQLException {
        System.setProperty(ScaleBenchmarks.URL, url);
        System.setProperty(ScaleBenchmarks.USER, user);
        ScaleBenchmarks bench = new ScaleBenchmarks();
        bench.setUp();
        try {
            Map<String, Supplier<String>> types = new LinkedHashMap<>();
            types.put("« Tâches de mon organisme » (marie.durand)", bench::organisationTasks);
            types.put("« À valider » (claire.fabre)", bench::funderToValidate);
            types.put("search as the funder, a term", bench::searchAsFunder);
            types.put("search as the funder, first page", bench::searchAsFunderFirstPage);
            types.put("search as the organisation, a term", bench::searchAsOrganisation);
            long dossiers;
            try (ResultSet rows = sql.executeQuery("select count(*) from training_action")) {
                rows.next();
                dossiers = rows.getLong(1);
            }
            StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Scale requests on PostgreSQL, %,d dossiers, %d requests"
                    + " of each type after as many warm-up ones (client times; the server's `pg_stat_statements`)%n", dossiers, requests));
            for (Map.Entry<String, Supplier<String>> type : types.entrySet()) {
                md.append(measure(type.getKey(), type.getValue(), requests, sql, database));
            }
            return md.toString();
        } finally {
            bench.tearDown();
        }
    }

    private static String measure(String name, Supplier<String> request, int requests, Statement sql, String database) throws SQLException {
        for (int i = 0; i < requests; i++) {
            request.get();
        }
        sql.execute("select pg_stat_statements_reset(0, oid, 0) from pg_database where datname = '" + database + "'");
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            request.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%n### %s%n%nClient: p50 %.1f ms, p95 %.1f ms, mean %.1f ms.",
                name, millis[requests / 2], millis[(int) Math.ceil(requests * 0.95) - 1], Arrays.stream(millis).average().orElseThrow()));
        try (ResultSet rows = sql.executeQuery("select sum(calls), sum(total_exec_time), sum(total_plan_time) from pg_stat_statements"
                + LifecycleStatements.of(database))) {
            rows.next();
            md.append(String.format(Locale.ROOT, " Server, per request: %.1f statements, %.2f ms executing, %.2f ms planning.%n%n",
                    rows.getDouble(1) / requests, rows.getDouble(2) / requests, rows.getDouble(3) / requests));
        }
        md.append("| per request | execution ms | planning ms | statement |\n|---:|---:|---:|---|\n");
        try (ResultSet rows = sql.executeQuery("select calls, total_exec_time, total_plan_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
                + " from pg_stat_statements" + LifecycleStatements.of(database) + " order by total_exec_time + total_plan_time desc limit 8")) {
            while (rows.next()) {
                md.append(String.format(Locale.ROOT, "| %.1f | %.2f | %.2f | `%s` |%n", rows.getDouble(1) / requests,
                        rows.getDouble(2) / requests, rows.getDouble(3) / requests, rows.getString(4).replace("|", "\\|")));
            }
        }
        return md.toString();
    }
}
