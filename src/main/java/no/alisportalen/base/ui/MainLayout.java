package no.alisportalen.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import no.alisportalen.base.Messages;

/**
 * The frame around every view: a header with the portal's name, language switch and login/logout; a drawer
 * with the views this user may open (Vaadin filters menu entries by access); a skip link to the content.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String CONTENT_ID = "innhold";

    private final AuthenticationContext authentication;
    private final SideNav nav = new SideNav();

    MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.NAVBAR);
        addToNavbar(createHeader());
        addToDrawer(createDrawer());
    }

    private Header createHeader() {
        var skip = new Anchor("#" + CONTENT_ID, getTranslation("layout.skipToContent"));
        skip.addClassName("skip-link");

        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));

        var brand = new Anchor("", getTranslation("app.name"));
        brand.addClassName("brand");

        var spacer = new Div();
        spacer.addClassName("spacer");

        var english = Messages.supported(getLocale()).equals(Locale.ENGLISH);
        var language = new Button(getTranslation("layout.otherLanguage"),
                e -> UiLanguage.choose(UI.getCurrent(), english ? Messages.NORWEGIAN : Locale.ENGLISH));
        language.getElement().setAttribute("lang", english ? "nb" : "en");
        language.addThemeVariants(ButtonVariant.TERTIARY);
        language.setId("language-switch");

        var header = new Header(skip, toggle, brand, spacer, language);
        if (authentication.isAuthenticated()) {
            var user = new Span(getTranslation("layout.loggedInAs", authentication.getPrincipalName().orElse("")));
            user.addClassName("current-user");
            var logout = new Button(getTranslation("layout.logout"), e -> authentication.logout());
            logout.setId("logout");
            header.add(user, logout);
        } else {
            var login = new Anchor("login", getTranslation("layout.login"));
            login.setId("login-link");
            login.addClassName("login-link");
            header.add(login);
        }
        header.addClassName("portal-header");
        return header;
    }

    private Div createDrawer() {
        nav.setLabel(getTranslation("layout.navigation"));
        var navigation = new Nav(nav);
        navigation.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));
        var footer = new Footer(new Anchor("om", getTranslation("layout.about")),
                new Anchor("personvern", getTranslation("layout.privacy")),
                new Anchor("/swagger-ui.html", getTranslation("layout.api")));
        footer.addClassName("drawer-footer");
        var drawer = new Div(new Scroller(navigation), footer);
        drawer.addClassName("drawer");
        return drawer;
    }

    private SideNavItem item(MenuEntry entry) {
        var title = getTranslation(entry.title());
        return entry.icon() == null ? new SideNavItem(title, entry.path())
                : new SideNavItem(title, entry.path(), new Icon(entry.icon()));
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        // Target of the skip link; focusable so keyboard users land in the content.
        content.getElement().setAttribute("id", CONTENT_ID);
        content.getElement().setAttribute("tabindex", "-1");
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // Rebuilt per navigation: the entries follow the current user's access, which changes with login.
        nav.removeAll();
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        // On small screens the drawer overlays the content; close it after choosing a view.
        if (isOverlay()) {
            setDrawerOpened(false);
        }
    }
}
