package fr.formaflow.platform;

import fr.formaflow.security.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Formaflow where to go and, in the demo, how to log in. */
@Component
public class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final String publicUrl;

    public StartupBanner(Environment environment, @Value("${formaflow.public-url}") String publicUrl) {
        this.environment = environment;
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void print() {
        StringBuilder text = new StringBuilder("\n\n  Formaflow est démarré.\n")
                .append("  Tasklist (organismes et financeurs) : ").append(publicUrl).append("/camunda/app/tasklist/\n")
                .append("  Cockpit (opérateurs)                : ").append(publicUrl).append("/camunda/app/cockpit/\n")
                .append("  Admin (utilisateurs et droits)      : ").append(publicUrl).append("/camunda/app/admin/\n")
                .append("  API REST du moteur                  : ").append(publicUrl).append("/engine-rest\n")
                .append("  Mes dossiers et mes pièces          : ").append(publicUrl).append("/dossiers.html\n")
                .append("  Contrats d'apprentissage (CFA)      : ").append(publicUrl).append("/apprentissage.html\n")
                .append("  Mon compte, demande d'accès         : ").append(publicUrl).append("/compte.html\n")
                .append("  API Formaflow (OpenAPI)             : ").append(publicUrl).append("/swagger-ui.html\n");
        if (environment.getProperty("formaflow.demo-data", Boolean.class, false)) {
            String password = environment.getProperty("formaflow.demo.password");
            text.append("\n  Comptes de démonstration (mot de passe : ").append(password).append(") :\n");
            DemoData.USERS.forEach(u -> text.append(String.format("    %-14s %s%n", u.id(), u.role())));
        }
        log.info(text.toString());
    }
}
