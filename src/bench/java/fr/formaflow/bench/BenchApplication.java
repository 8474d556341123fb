package fr.formaflow.bench;

import fr.formaflow.FormaflowApplication;
import fr.formaflow.support.Mailbox;
import fr.formaflow.support.PostgresTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application inside a benchmark's JVM, as the integration tests run it (profile test: demo funders,
 * organisations and users, job executor off, e-mails to an in-JVM SMTP server), on in-memory H2 or on a fresh
 * database of the benchmarks' PostgreSQL server.
 */
final class BenchApplication {

    private BenchApplication() {
    }

    static ConfigurableApplicationContext start(String database, BeanPostProcessor... postProcessors) {
        if ("postgres".equals(database)) {
            PostgresTestServer server = PostgresTestServer.shared();
            String name = "bench_" + System.nanoTime();
            server.createDatabase(name);
            return startOnPostgres(server.jdbcUrl(name), server.username(), postProcessors);
        }
        return start(List.of("test"), List.of("--spring.datasource.url=jdbc:h2:mem:bench-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;NON_KEYWORDS=VALUE,YEAR,MONTH"), postProcessors);
    }

    static ConfigurableApplicationContext startOnPostgres(String jdbcUrl, String username, BeanPostProcessor... postProcessors) {
        return start(List.of("postgres", "test"), List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
                "--spring.datasource.password="), postProcessors);
    }

    private static ConfigurableApplicationContext start(List<String> profiles, List<String> datasource, BeanPostProcessor... postProcessors) {
        System.setProperty("formaflow.test.smtp-port", String.valueOf(freePort()));
        Mailbox.open();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--formaflow.demo.dossiers=false", "--logging.level.root=WARN",
                "--logging.level.fr.formaflow=WARN"));
        args.addAll(datasource);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(FormaflowApplication.class).profiles(profiles.toArray(String[]::new));
        for (BeanPostProcessor postProcessor : postProcessors) {
            builder.initializers(context -> context.getBeanFactory().addBeanPostProcessor(postProcessor));
        }
        return builder.run(args.toArray(String[]::new));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
