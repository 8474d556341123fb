package fr.formaflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import fr.formaflow.catalogue.PublicOfferSearch;
import fr.formaflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The public catalogue's search ({@link PublicOfferSearch}, the endpoint's own code) on PostgreSQL 16 holding 100 000
 * published offers: 300 Formacodes, 50 towns, sessions starting over two years, 10 % past their J + 8 and one
 * organisation in five withdrawn for want of revalidation. Schema and indexes from the Flyway migrations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogueBenchmarks {

    // the smoke run (CI) only checks that the benchmark still works
    static final int OFFERS = Benchmarks.SMOKE ? 1_000 : 100_000;
    static final int ORGANISATIONS = 5;
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final String[] TOWNS = new String[50];
    static final String[] POSTCODES = new String[50];

    static {
        String[] names = {"Montpellier", "Toulouse", "Nîmes", "Perpignan", "Béziers", "Montauban", "Narbonne", "Albi", "Carcassonne",
                "Sète", "Alès", "Castres", "Rodez", "Tarbes", "Auch", "Cahors", "Millau", "Lunel", "Agde", "Lodève"};
        for (int i = 0; i < TOWNS.length; i++) {
            TOWNS[i] = names[i % names.length] + (i < names.length ? "" : " " + (i / names.length + 1));
            POSTCODES[i] = String.format("%02d%03d", 30 + i % 20, 100 + i);
        }
    }

    HikariDataSource dataSource;
    PublicOfferSearch search;

    @Setup
    public void setUp() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = "catalogue_bench_" + System.nanoTime();
        server.createDatabase(database);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(database));
        dataSource.setUsername(server.username());
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).table("formaflow_schema_history").load().migrate();
        seed();
        search = new PublicOfferSearch(dataSource);
    }

    @TearDown
    public void tearDown() {
        dataSource.close();
        PostgresTestServer.stopShared();
    }

    /** One batch per table; the same random seed every run. */
    void seed() throws SQLException {
        Random random = new Random(42);
        Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 9, 0));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("insert into funder (id, code, name, scheme, contract_prefix, validator_group_id) "
                    + "values (1, 'OCCITANIE', 'Région Occitanie', 'REGION_MARKET', 'QCA', 'funder_occitanie')");
            for (int o = 1; o <= ORGANISATIONS; o++) {
                statement.execute("insert into organisation (id, siret, name, group_id) values (" + o + ", '4211006450" + (1000 + o)
                        + "', 'Organisme " + o + "', 'org_" + o + "')");
            }
            try (PreparedStatement actions = connection.prepareStatement("insert into training_action (id, contract_number, funder_id,"
                    + " organisation_id, phase, programming_year, title, created_at, validator_group_id) values (?, ?, 1, ?, 'OPENING', 2026, ?, ?,"
                    + " 'funder_occitanie')");
                 PreparedStatement offers = connection.prepareStatement("insert into training_offer (id, action_id, organisation_id,"
                         + " funder_id, state, title, created_at) values (?, ?, ?, 1, 'PUBLISHED', ?, ?)");
                 PreparedStatement published = connection.prepareStatement("insert into published_offer (offer_id, organisation_id,"
                         + " title, objectives, programme, formacode, start_date, end_date, city, city_key, postcode, places_available,"
                         + " funding_comment, organisation_name, contact_name, contact_email, leaves_catalogue_on, session_over,"
                         + " organisation_withdrawn, published_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= OFFERS; id++) {
                    int organisation = 1 + random.nextInt(ORGANISATIONS);
                    int town = random.nextInt(TOWNS.length);
                    LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730));
                    String title = "Formation n° " + id;
                    add(actions, id, "2026QCA" + id, organisation, title, now);
                    add(offers, id, id, organisation, title, now);
                    add(published, id, organisation, title, "Acquérir les gestes du métier.",
                            "Module 1 : bases (70 h). Module 2 : pratique (70 h).", String.valueOf(10000 + random.nextInt(300) * 7),
                            Date.valueOf(start), Date.valueOf(start.plusDays(60)), TOWNS[town],
                            fr.formaflow.catalogue.OfferRules.placeKey(TOWNS[town]), POSTCODES[town], random.nextInt(21),
                            "Retenue lors du vote du 01/12/2025.", "Organisme " + organisation, "Contact " + organisation,
                            "contact" + organisation + "@example.fr", Date.valueOf(start.plusDays(8)), random.nextInt(10) == 0,
                            organisation == ORGANISATIONS, now);
                    if (id % 5_000 == 0) {
                        actions.executeBatch();
                        offers.executeBatch();
                        published.executeBatch();
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("vacuum analyze");
        }
    }

    private static void add(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }

    static String anyFormacode() {
        return String.valueOf(10000 + ThreadLocalRandom.current().nextInt(300) * 7);
    }

    @Benchmark
    public PublicOfferSearch.Page byFormacode() {
        return search.search(new PublicOfferSearch.Criteria(anyFormacode(), null, null, null, null, 0, 20), TODAY);
    }

    @Benchmark
    public PublicOfferSearch.Page byTownAndNextThreeMonths() {
        String town = TOWNS[ThreadLocalRandom.current().nextInt(TOWNS.length)];
        return search.search(new PublicOfferSearch.Criteria(null, town, TODAY, TODAY.plusMonths(3), null, 0, 20), TODAY);
    }

    @Benchmark
    public PublicOfferSearch.Page byDepartmentWithFreePlaces() {
        String department = String.valueOf(30 + ThreadLocalRandom.current().nextInt(20));
        return search.search(new PublicOfferSearch.Criteria(null, department, null, null, 5, 0, 20), TODAY);
    }

    @Benchmark
    public PublicOfferSearch.Page everythingFirstPage() {
        return search.search(new PublicOfferSearch.Criteria(null, null, null, null, null, 0, 20), TODAY);
    }

    @Benchmark
    public PublicOfferSearch.Page everythingPage100() {
        return search.search(new PublicOfferSearch.Criteria(null, null, null, null, null, 100, 20), TODAY);
    }
}
