package no.alisportalen.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Landing page: what the portal is, and what it offers each of its audiences. */
@Route("")
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
@AnonymousAllowed
final class HomeView extends Main implements HasDynamicTitle {

    HomeView() {
        addClassName("home-view");
        var search = new Anchor("stillinger", getTranslation("home.search"));
        search.addClassName("cta");
        search.setId("home-search");
        var hero = new Section(new H1(getTranslation("home.heading")), lead(getTranslation("home.lead")),
                new Paragraph(getTranslation("home.why")), search);
        hero.addClassName("hero");
        var audiences = new Div(
                audience("home.applicants", "home.applicants.text", "home.applicants.points", "registrer",
                        "home.applicants.action"),
                audience("home.municipalities", "home.municipalities.text", "home.municipalities.points", "login",
                        "home.municipalities.action"),
                audience("home.offices", "home.offices.text", "home.offices.points", "login", "home.offices.action"),
                audience("home.integrations", "home.integrations.text", "home.integrations.points", "/swagger-ui.html",
                        "home.integrations.action"));
        audiences.addClassName("audiences");
        add(hero, audiences);
    }

    private Paragraph lead(String text) {
        var p = new Paragraph(text);
        p.addClassName("lead");
        return p;
    }

    private Component audience(String heading, String text, String points, String href, String action) {
        var list = new UnorderedList();
        for (var point : getTranslation(points).split("\\|")) {
            list.add(new ListItem(point.strip()));
        }
        var section = new Section(new H2(getTranslation(heading)), new Paragraph(getTranslation(text)), list,
                new Anchor(href, getTranslation(action)));
        section.addClassName("audience");
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " – " + getTranslation("home.tagline");
    }
}
