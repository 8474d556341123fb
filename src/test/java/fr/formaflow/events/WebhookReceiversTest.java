package fr.formaflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.support.FormaflowTest;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** A dossier's events go to the receivers of its organisation and of its funder's validators, and to nobody else's. */
@FormaflowTest
@Transactional
class WebhookReceiversTest {

    @Autowired
    WebhookRepository webhooks;

    @Test
    void theOrganisationsAndTheFundersReceiversOnly() {
        LocalDateTime now = LocalDateTime.of(2026, 3, 2, 9, 0);
        Webhook organisation = webhooks.save(new Webhook("org_receivers_a", "https://a.example/hook", "s1", now, "alice"));
        Webhook funder = webhooks.save(new Webhook("funder_receivers_b", "https://b.example/hook", "s2", now, "bob"));
        webhooks.save(new Webhook("org_receivers_c", "https://c.example/hook", "s3", now, "carol"));

        assertThat(webhooks.receiversOf("org_receivers_a", "funder_receivers_b")).containsExactlyInAnyOrder(organisation, funder);
        assertThat(webhooks.receiversOf("org_receivers_a", "funder_without_receiver")).containsExactly(organisation);
        assertThat(webhooks.receiversOf("org_without_receiver", "funder_receivers_b")).containsExactly(funder);
    }
}
