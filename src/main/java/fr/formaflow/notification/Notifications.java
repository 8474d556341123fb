package fr.formaflow.notification;

import fr.formaflow.dossier.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends a message to a group: kept in the database (shown by the API) in the same transaction as its cause. */
@Service
@Transactional
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationRepository repository;
    private final Clock clock;

    public Notifications(NotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Notification send(String groupId, Long actionId, String subject, String body) {
        log.info("Notification to {}: {}", groupId, subject);
        return repository.save(new Notification(groupId, actionId, subject, body, clock.now()));
    }
}
