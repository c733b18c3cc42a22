package no.alisportalen.notification;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.alisportalen.base.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "Notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The user's notifications, newest first: saved-search matches (positions published or "
            + "changed since the search was saved), application status changes, favourites")
    List<Notification> mine(HttpServletRequest request) {
        return notifications.mine(Messages.of(request));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/read")
    @Operation(summary = "Mark every notification as read")
    ResponseEntity<Void> markRead() {
        notifications.markAllRead();
        return ResponseEntity.noContent().build();
    }
}
