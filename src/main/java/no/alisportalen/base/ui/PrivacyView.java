package no.alisportalen.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Period;
import org.springframework.core.env.Environment;

/** What the portal stores, who sees it, how long it is kept, and the user's rights. */
@Route("personvern")
@AnonymousAllowed
final class PrivacyView extends Main implements HasDynamicTitle {

    PrivacyView(Environment environment) {
        // The applications feature owns the setting; read here as text so the page states the configured period.
        var retention = Period.parse(environment.getProperty("portal.applications.retention", "P12M"));
        long months = retention.toTotalMonths() + Math.round(retention.getDays() / 30.0);
        add(new H1(getTranslation("privacy.heading")),
                new Paragraph(getTranslation("privacy.intro")),
                new Section(new H2(getTranslation("privacy.stored.heading")), new UnorderedList(
                        new ListItem(getTranslation("privacy.stored.account")),
                        new ListItem(getTranslation("privacy.stored.preferences")),
                        new ListItem(getTranslation("privacy.stored.applications")),
                        new ListItem(getTranslation("privacy.stored.notifications")))),
                new Section(new H2(getTranslation("privacy.access.heading")),
                        new Paragraph(getTranslation("privacy.access.text"))),
                new Section(new H2(getTranslation("privacy.retention.heading")),
                        new Paragraph(getTranslation("privacy.retention.text", months))),
                new Section(new H2(getTranslation("privacy.rights.heading")),
                        new Paragraph(getTranslation("privacy.rights.text"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.heading") + " | " + getTranslation("app.name");
    }
}
