package fr.formaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresTestServerTest {

    private final PostgresTestServer server = PostgresTestServer.shared();

    @Test
    void runsARealPostgresServer() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(PostgresTestServer.SHARED_DATABASE), server.username(), "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select version()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).contains("PostgreSQL");
        }
    }

    @Test
    void createsAnEmptyDatabaseOfItsOwn() throws Exception {
        server.createDatabase("isolated_test_db");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("isolated_test_db"), server.username(), "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select current_database(), current_user")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("isolated_test_db");
            assertThat(result.getString(2)).isEqualTo("postgres");
        }
    }

    @Test
    void sharedReturnsTheSameServer() {
        assertThat(PostgresTestServer.shared()).isSameAs(server);
    }
}
