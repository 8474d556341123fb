package fr.formaflow.notification;

import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The messages Formaflow sent a user's organisations or funders (what the e-mails said), in the application too. */
@RestController
@Tag(name = "Échéances")
public class NotificationController {

    public record NotificationLine(long id, Long dossierId, String subject, String body, LocalDateTime sentAt) {
    }

    private final NotificationRepository notifications;
    private final CurrentUser currentUser;

    public NotificationController(NotificationRepository notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/me/notifications")
    @Operation(summary = "Mes notifications : les 50 derniers messages envoyés à mes organismes ou à mes financeurs")
    public List<NotificationLine> mine() {
        currentUser.id();
        return notifications.findTop50ByGroupIdInOrderByCreatedAtDescIdDesc(currentUser.groups()).stream()
                .map(n -> new NotificationLine(n.getId(), n.getActionId(), n.getSubject(), n.getBody(), n.getCreatedAt())).toList();
    }
}
