package no.alisportalen.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import no.alisportalen.notification.Notification;
import no.alisportalen.notification.NotificationKind;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.notification.NotificationService;

/** "Varsler": the user's notifications, newest first; unread ones are marked until "mark all read". */
@Route("varsler")
@Menu(order = 40, title = "nav.notifications", icon = "vaadin:bell")
@PermitAll
final class NotificationsView extends Main implements HasDynamicTitle {

    private final NotificationService notifications;
    final UnorderedList list = new UnorderedList();
    final Button markRead = new Button();

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        list.setId("notifications");
        list.addClassName("notification-list");
        markRead.setId("mark-read");
        markRead.setText(getTranslation("notifications.markRead"));
        markRead.addThemeVariants(ButtonVariant.TERTIARY);
        markRead.addClickListener(e -> {
            notifications.markAllRead();
            refresh();
        });
        add(new H1(getTranslation("notifications.heading")), new Paragraph(getTranslation(
                notifications.mailEnabled() ? "notifications.intro.mail" : "notifications.intro")), markRead, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Oslo"));
        var items = notifications.mine(getLocale());
        markRead.setEnabled(items.stream().anyMatch(n -> !n.read()));
        if (items.isEmpty()) {
            list.add(new ListItem(getTranslation("notifications.empty")));
        }
        for (Notification n : items) {
            var item = new ListItem();
            item.addClassName(n.read() ? "notification-read" : "notification-unread");
            if (!n.read()) {
                var unread = new Span(getTranslation("notifications.new"));
                unread.getElement().getThemeList().add("badge");
                item.add(unread, new Span(" "));
            }
            // A round's reminder leads to the round: the applicant's ranking, or the municipality's position in it.
            var link = n.kind() != NotificationKind.ROUND_DEADLINE || n.savedSearchId() == null
                    ? "stilling/" + n.positionId().value()
                    : PortalUser.current().map(u -> u.role() == Role.MUNICIPALITY).orElse(false)
                    ? "runder/" + n.savedSearchId() + "/stilling/" + n.positionId().value()
                    : "runder/" + n.savedSearchId();
            item.add(new Anchor(link, n.message()),
                    new Span(" · " + format.format(n.createdAt())));
            list.add(item);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.heading") + " | " + getTranslation("app.name");
    }
}
