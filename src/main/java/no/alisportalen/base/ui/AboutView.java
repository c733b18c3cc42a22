package no.alisportalen.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** About the portal, its data sources with the credits their licences ask for, and privacy. */
@Route("om")
@Menu(order = 90, title = "nav.about", icon = "vaadin:info-circle")
@AnonymousAllowed
final class AboutView extends Main implements HasDynamicTitle {

    AboutView() {
        addClassName("about-view");
        var credits = new UnorderedList(
                new ListItem(getTranslation("about.credits.ssb")),
                new ListItem(getTranslation("about.credits.kartverket")),
                new ListItem(getTranslation("about.credits.geonames")),
                new ListItem(getTranslation("about.credits.geodata")));
        add(new H1(getTranslation("about.heading")),
                new Paragraph(getTranslation("about.text")),
                new Section(new H2(getTranslation("about.data.heading")), new Paragraph(getTranslation("about.data.text")),
                        credits),
                new Section(new H2(getTranslation("about.privacy.heading")),
                        new Paragraph(getTranslation("about.privacy.text")),
                        new Paragraph(new com.vaadin.flow.component.html.Anchor("personvern",
                                getTranslation("about.privacy.more")))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("about.heading") + " | " + getTranslation("app.name");
    }
}
