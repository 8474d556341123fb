package fr.formaflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link FormaflowTest}'s twin on a real PostgreSQL server: the whole application with the demo data, on the JVM's
 * shared test server ({@link PostgresTestServer#shared()}). Every class with this annotation gets the same Spring
 * context, started once per JVM: the PostgreSQL tests run in a JVM of their own (pom.xml, postgres-tests), since a
 * second engine in the H2 tests' JVM would take over engine-rest's default engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = PostgresFormaflowTest.SharedServer.class)
@Import(CountProbeStep.class)
public @interface PostgresFormaflowTest {

    /** Points the application at the shared server's database, created with the server. */
    class SharedServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            PostgresTestServer server = PostgresTestServer.shared();
            TestPropertyValues.of("spring.datasource.url=" + server.jdbcUrl(PostgresTestServer.SHARED_DATABASE), "spring.datasource.username=" + server.username(),
                    "spring.datasource.password=").applyTo(context);
        }
    }
}
