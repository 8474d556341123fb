package fr.formaflow.notification;

import fr.formaflow.platform.Clock;
import fr.formaflow.security.UserDirectory;
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
    private final UserDirectory directory;
    private final EmailSender email;

    public Notifications(NotificationRepository repository, Clock clock, UserDirectory directory, EmailSender email) {
        this.repository = repository;
        this.clock = clock;
        this.directory = directory;
        this.email = email;
    }

    public Notification send(String groupId, Long actionId, String subject, String body) {
        log.info("Notification to {}: {}", groupId, subject);
        return repository.save(new Notification(groupId, actionId, subject, body, clock.now()));
    }

    /** The same, also e-mailed to every member of the group who has an address (reminders that must be read). */
    public Notification sendAndEmail(String groupId, Long actionId, String subject, String body) {
        Notification notification = send(groupId, actionId, subject, body);
        directory.members(groupId).stream()
                .map(UserDirectory.Person::email).filter(address -> address != null && !address.isBlank()).distinct()
                .forEach(address -> email.send(address, subject, body));
        return notification;
    }
}
