package fr.formaflow.attendance;

import fr.formaflow.support.PostgresTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The electronic attendance cases on a real PostgreSQL server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "formaflow.demo.dossiers=false")
@ActiveProfiles({"postgres", "test"})
class PostgresSignaturesTest extends SignatureCases {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestServer server = PostgresTestServer.shared();
        server.createDatabase("signatures_test");
        registry.add("spring.datasource.url", () -> server.jdbcUrl("signatures_test"));
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", () -> "");
    }
}
