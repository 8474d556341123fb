package fr.formaflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.formaflow.security.TasklistFilters;
import fr.formaflow.support.PostgresTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Formaflow at scale, over HTTP as the users' browsers call it: PostgreSQL 16 seeded with 100 000 dossiers (90 000
 * finished, 10 000 running; {@link ScaleSeed}), the application running in-process on a random port. Measured: an
 * organisation user's Tasklist filter « Tâches de mon organisme » (marie.durand), the Région validator's « À valider »
 * (claire.fabre), both as Tasklist asks for its first page, and the dossier search API as both.
 * {@code -Dformaflow.bench.smoke=true}: 1 000 dossiers and very short iterations, to keep it working in CI.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScaleBenchmarks {

    static final String SMOKE = "formaflow.bench.smoke";
    static final String URL = "formaflow.bench.scale.url";
    static final String USER = "formaflow.bench.scale.user";
    private static final String PASSWORD = "formaflow";
    /** What Tasklist posts for a filter's first page: the columns' variables come from the filter's properties. */
    private static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    private static final String[] SEARCH_TERMS = {"régisseur", "technicien", "accessoiriste", "QCA0042", "institut", "cévennes 7",
            "costumier", "studio thau", "2024QCA", "gréeur"};

    ScaleApp app;
    HttpClient http;
    String base;
    String organisationFilter;
    String toValidateFilter;

    @Setup
    public void setUp() {
        app = new ScaleApp(System.getProperty(URL), System.getProperty(USER));
        FilterService filters = app.context.getBean(FilterService.class);
        organisationFilter = filters.createFilterQuery().filterName(TasklistFilters.ORGANISATION_TASKS).singleResult().getId();
        toValidateFilter = filters.createFilterQuery().filterName(TasklistFilters.TO_VALIDATE).singleResult().getId();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        base = "http://localhost:" + app.port;
    }

    @TearDown
    public void tearDown() {
        app.close();
    }

    @Benchmark
    public String organisationTasks() {
        return tasklist("marie.durand", organisationFilter);
    }

    @Benchmark
    public String funderToValidate() {
        return tasklist("claire.fabre", toValidateFilter);
    }

    @Benchmark
    public String searchAsFunder() {
        return search("claire.fabre", SEARCH_TERMS[ThreadLocalRandom.current().nextInt(SEARCH_TERMS.length)]);
    }

    @Benchmark
    public String searchAsFunderFirstPage() {
        return search("claire.fabre", null);
    }

    @Benchmark
    public String searchAsOrganisation() {
        return search("marie.durand", SEARCH_TERMS[ThreadLocalRandom.current().nextInt(SEARCH_TERMS.length)]);
    }

    String tasklist(String user, String filterId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
                .header("Authorization", basic(user)).header("Accept", "application/hal+json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY)).build());
    }

    String search(String user, String q) {
        String query = q == null ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
        return send(HttpRequest.newBuilder(URI.create(base + "/api/dossiers/search?" + query + "page=0&size=20"))
                .header("Authorization", basic(user)).GET().build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP basic header of a demo user (the demo password). */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The database's size, biggest tables, seeding times and check, for the report (scale-database.json). */
    private static ObjectNode databaseReport(ScaleApp app, ScaleSeed.Report report, String check, String database) throws SQLException {
        DataSource dataSource = app.context.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("dossiers", report.dossiers()).put("finished", report.finished()).put("running", report.running())
                .put("templateSeconds", report.templateSeconds()).put("organisationSeconds", report.organisationSeconds())
                .put("cloneSeconds", report.cloneSeconds()).put("seedSeconds", report.totalSeconds())
                .put("databaseBytes", jdbc.queryForObject("select pg_database_size(?)", Long.class, database))
                .put("uncopiedDocumentBytes", jdbc.queryForObject("select coalesce(sum(size_bytes), 0) from document d"
                        + " where not exists (select 1 from document_content c where c.document_id = d.id)",
                        Long.class))
                .put("check", check);
        ObjectNode tables = json.putObject("rows");
        ScaleSeed.biggestTables(dataSource, 12).forEach(tables::put);
        ObjectNode sizes = json.putObject("bytes");
        jdbc.query("select relname, pg_total_relation_size(relid) from pg_stat_user_tables order by 2 desc limit 12",
                rs -> {
                    sizes.put(rs.getString(1), rs.getLong(2));
                });
        json.put("tasksToValidate", jdbc.queryForObject("select count(*) from act_ru_identitylink where group_id_ = 'funder_occitanie'"
                + " and type_ = 'candidate'", Long.class));
        json.put("organisationTasks", jdbc.queryForObject("select count(*) from act_ru_identitylink where group_id_ = 'org_"
                + fr.formaflow.demo.DemoData.TITULAR_SIRET + "' and type_ = 'candidate'", Long.class));
        return json;
    }

    // ------------------------------------------------------------------ running and reporting

    /** Runs the scale benchmarks, writes scale.json (JMH's results and the database) and returns the Markdown table. */
    static String run(Path out, boolean smoke) throws RunnerException, IOException {
        // seeded once here; each benchmark's fork then runs the application on the seeded database
        PostgresTestServer server = PostgresTestServer.shared();
        String name = "scale_bench_" + System.nanoTime();
        ObjectNode database;
        try {
            server.createDatabase(name);
            try (ScaleApp app = new ScaleApp(server.jdbcUrl(name), server.username())) {
                ScaleSeed.Report report = new ScaleSeed(app.context).seed(smoke ? 900 : 90_000, smoke ? 100 : 10_000,
                        line -> System.out.println("[scale seed] " + line));
                String check = ScaleCheck.verify(app.context, report.finished());
                System.out.println("[scale seed] " + check);
                database = databaseReport(app, report, check, name);
            }
        } catch (SQLException e) {
            throw new IOException("Seeding the scale database failed", e);
        }
        ChainedOptionsBuilder options = new OptionsBuilder().include(ScaleBenchmarks.class.getName()).shouldFailOnError(true)
                .forks(1)
                .jvmArgsAppend("-Xmx1g", "-D" + URL + "=" + server.jdbcUrl(name), "-D" + USER + "=" + server.username())
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("scale.json").toString());
        if (smoke) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200)).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(500));
        } else {
            // each benchmark starts the application in a fork of its own: with 3 × 2 s of warm-up the task lists still got
            // 15–30 % faster from the first measurement iteration to the last
            options.warmupIterations(6).warmupTime(TimeValue.seconds(5)).measurementIterations(5).measurementTime(TimeValue.seconds(3));
        }
        String table = Benchmarks.percentiles(options, "Scale: " + database.get("dossiers").asInt()
                + " dossiers on PostgreSQL 16, over HTTP (goal p95: task lists < 50 ms, search < 100 ms)", "request", Map.of());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.set("database", database);
        json.set("benchmarks", (ArrayNode) mapper.readTree(out.resolve("scale.json").toFile()));
        Files.writeString(out.resolve("scale.json"), json.toPrettyString());
        return table + "\n" + databaseTable(database);
    }

    static String databaseTable(ObjectNode database) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Database: %.2f GB (`pg_database_size`) for %,d dossiers "
                        + "(%,d finished, %,d running), document contents not copied (%.1f GB of PDFs in production); "
                        + "seeded in %.0f s (templates through the application %.0f s, %d organisations %.0f s, SQL cloning %.0f s). "
                        + "The Région validator has %,d tasks to validate, the organisation user's organisation %,d open tasks.\n\n",
                database.get("databaseBytes").asLong() / 1e9, database.get("dossiers").asInt(), database.get("finished").asInt(),
                database.get("running").asInt(), database.get("uncopiedDocumentBytes").asLong() / 1e9, database.get("seedSeconds").asDouble(),
                database.get("templateSeconds").asDouble(), ScaleSeed.ORGANISATIONS, database.get("organisationSeconds").asDouble(),
                database.get("cloneSeconds").asDouble(), database.get("tasksToValidate").asLong(), database.get("organisationTasks").asLong()))
                .append("| table | rows | size (MB) |\n|---|---:|---:|\n");
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> row : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                () -> database.get("rows").fields()) {
            com.fasterxml.jackson.databind.JsonNode bytes = database.get("bytes").get(row.getKey());
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s |\n", row.getKey(), row.getValue().asLong(),
                    bytes == null ? "—" : String.format(Locale.ROOT, "%.0f", bytes.asLong() / 1e6)));
        }
        return md.append("\nValidity: ").append(database.get("check").asText()).append(".\n").toString();
    }
}
