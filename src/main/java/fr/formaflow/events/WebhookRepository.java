package fr.formaflow.events;

import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface WebhookRepository extends JpaRepository<Webhook, Long> {

    List<Webhook> findByOwnerGroupIn(Collection<String> groups);

    /**
     * The receivers of a dossier's events, asked at every event: two fixed parameters keep Hibernate's translated query
     * cached (an IN list is translated again each time), and no webhook is written in the transactions that publish
     * events, so the session is not flushed first.
     */
    @Query("select w from Webhook w where w.ownerGroup = :organisationGroup or w.ownerGroup = :funderGroup")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    List<Webhook> receiversOf(String organisationGroup, String funderGroup);
}
