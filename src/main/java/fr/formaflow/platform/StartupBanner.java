package fr.formaflow.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tells whoever started Formaflow where to go (the demo's accounts follow: see demo.DemoAccountsBanner). */
@Component
public class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final String publicUrl;

    public StartupBanner(@Value("${formaflow.public-url}") String publicUrl) {
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
        log.info(text.toString());
    }
}
