package no.alisportalen.notification;

import java.util.List;
import no.alisportalen.application.ApplicationEvent.ApplicationStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells applicants when a municipality moves their application, or fills the position they applied to. */
@Component
class ApplicationNotifications {

    private static final Logger log = LoggerFactory.getLogger(ApplicationNotifications.class);

    private final NotificationService notifications;

    ApplicationNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ApplicationStatusChanged event) {
        try {
            notifications.notify(new NewNotification(event.applicant(),
                    "application:" + event.id().value() + ":" + event.version(), NotificationKind.APPLICATION_STATUS,
                    event.positionId(), event.positionTitle(), List.of("key:application.status." + event.status()),
                    null, null, true));
        } catch (RuntimeException e) {
            // The status change itself is saved and visible in "Mine søknader"; only the notice is lost.
            log.warn("Could not store the notification for application {}", event.id(), e);
        }
    }

    @EventListener
    void on(no.alisportalen.application.ApplicationEvent.ApplicationRejectedAsFilled event) {
        try {
            // The municipality's own note stays with it: the notice says only that the position was filled.
            notifications.notify(new NewNotification(event.applicant(),
                    "application:" + event.id().value() + ":" + event.version(), NotificationKind.POSITION_FILLED,
                    event.positionId(), event.positionTitle(), List.of(), null, null, true));
        } catch (RuntimeException e) {
            log.warn("Could not store the notification for application {}", event.id(), e);
        }
    }

    @EventListener
    void on(no.alisportalen.application.ApplicationEvent.ExemptionRefused event) {
        try {
            var by = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                    .format(event.answerBy().atZone(java.time.ZoneId.of("Europe/Oslo")));
            notifications.notify(new NewNotification(event.applicant(),
                    "exemption:" + event.id().value() + ":" + event.version(), NotificationKind.EXEMPTION_REFUSED,
                    event.positionId(), event.positionTitle(), List.of(by), null, null, true));
        } catch (RuntimeException e) {
            log.warn("Could not store the notification for application {}", event.id(), e);
        }
    }
}
