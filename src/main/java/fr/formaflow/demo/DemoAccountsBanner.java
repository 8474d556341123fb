package fr.formaflow.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In the demo, right after the startup banner: how to log in. */
@Component
@ConditionalOnProperty(name = "formaflow.demo-data", havingValue = "true")
public class DemoAccountsBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsBanner.class);

    private final String password;

    public DemoAccountsBanner(@Value("${formaflow.demo.password}") String password) {
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(101)
    public void print() {
        StringBuilder text = new StringBuilder("\n\n  Comptes de démonstration (mot de passe : ").append(password).append(") :\n");
        DemoData.USERS.forEach(u -> text.append(String.format("    %-14s %s%n", u.id(), u.role())));
        log.info(text.toString());
    }
}
