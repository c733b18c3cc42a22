package no.alisportalen.position.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import no.alisportalen.position.AuditEntry;

/** A position's audit trail as a list: when, who, what, which fields. */
final class AuditList {

    private AuditList() {}

    static UnorderedList of(Component context, List<AuditEntry> entries) {
        var list = new UnorderedList();
        list.addClassName("audit-list");
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.forLanguageTag("nb")
                        : com.vaadin.flow.component.UI.getCurrent().getLocale()).withZone(ZoneId.of("Europe/Oslo"));
        for (var entry : entries) {
            var fields = entry.fields().isEmpty() ? "" : " (" + String.join(", ", entry.fields()) + ")";
            list.add(new ListItem(context.getTranslation("form.audit.entry", format.format(entry.at()), entry.actor(),
                    context.getTranslation("audit." + entry.action())) + fields));
        }
        return list;
    }
}
