package no.alisportalen.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A friendly, localized 404 instead of Vaadin's developer page. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
final class NotFoundView extends Main implements HasErrorParameter<NotFoundException>,
        com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return getTranslation("error.notFound.heading") + " | " + getTranslation("app.name");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H1(getTranslation("error.notFound.heading")), new Paragraph(getTranslation("error.notFound.text")),
                new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
