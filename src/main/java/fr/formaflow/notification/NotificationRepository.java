package fr.formaflow.notification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByGroupIdInOrderByCreatedAtDesc(Collection<String> groupIds);

    /** A user's latest messages: those to the groups they belong to. */
    List<Notification> findTop50ByGroupIdInOrderByCreatedAtDescIdDesc(Collection<String> groupIds);

    List<Notification> findByActionIdOrderByCreatedAtDesc(Long actionId);
}
