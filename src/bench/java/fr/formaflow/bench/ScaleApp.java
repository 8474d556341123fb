package fr.formaflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.formaflow.FormaflowApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Formaflow itself, in-process, on a PostgreSQL database: profile postgres with the demo users, no demo dossiers,
 * the job executor off (the seeding moves the engine's clock and runs jobs itself), a web server on a random port and
 * an in-memory SMTP server (GreenMail) for the e-mails the processes send.
 */
final class ScaleApp implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final int port;
    private final GreenMail mail;

    ScaleApp(String jdbcUrl, String username) {
        int smtpPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        context = new SpringApplicationBuilder(FormaflowApplication.class)
                .profiles("postgres")
                // as command-line arguments: they must win over the postgres profile's own settings
                .run("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
                        "--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=20",
                        "--formaflow.demo-data=true", "--formaflow.demo.password=formaflow", "--formaflow.demo.dossiers=false",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                        "--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort,
                        "--logging.level.root=warn", "--logging.level.org.camunda.bpm.engine.context=error",
                        "--spring.main.banner-mode=off");
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
        mail.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
