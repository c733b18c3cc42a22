package no.alisportalen.application.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import no.alisportalen.application.Application;
import no.alisportalen.application.ApplicationStatus;

/** Pieces both application views use: the status badge and the timeline. */
final class ApplicationUi {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private ApplicationUi() {}

    static Span badge(Component owner, ApplicationStatus status) {
        var badge = new Span(owner.getTranslation("application.status." + status.name()));
        badge.getElement().getThemeList().add("badge");
        badge.addClassName("application-status-" + status.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    static DateTimeFormatter dateTime(Component owner) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(OSLO);
    }

    static DateTimeFormatter date(Component owner) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).withZone(OSLO);
    }

    private static Locale locale() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? Locale.forLanguageTag("nb") : ui.getLocale();
    }

    /** The status history as an ordered list, oldest first, so it reads as a timeline. */
    static OrderedList timeline(Component owner, Application application) {
        var list = new OrderedList();
        list.addClassName("timeline");
        list.getElement().setAttribute("aria-label", owner.getTranslation("applications.timeline"));
        var format = dateTime(owner);
        for (var change : application.history()) {
            list.add(new ListItem(format.format(change.at()) + " – "
                    + owner.getTranslation("application.status." + change.status().name())));
        }
        return list;
    }
}
