package no.alisportalen.alert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import no.alisportalen.alert.AlertService;

/** The e-mails' unsubscribe link: one button, no login; the token in the link is the secret. */
@Route("avmeld")
@AnonymousAllowed
final class UnsubscribeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final AlertService alerts;
    final Button stop = new Button();
    final Div outcome = new Div();
    private String token = "";

    UnsubscribeView(AlertService alerts) {
        this.alerts = alerts;
        stop.setId("unsubscribe");
        stop.setText(getTranslation("unsubscribe.button"));
        stop.addThemeVariants(ButtonVariant.PRIMARY);
        stop.addClickListener(e -> {
            var name = alerts.unsubscribe(token);
            outcome.removeAll();
            outcome.add(new Paragraph(name == null ? getTranslation("unsubscribe.unknown")
                    : getTranslation("unsubscribe.done", name)));
            stop.setVisible(name == null);
        });
        outcome.getElement().setAttribute("role", "status");
        add(new H1(getTranslation("unsubscribe.heading")), new Paragraph(getTranslation("unsubscribe.text")), stop,
                outcome);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unsubscribe.heading") + " | " + getTranslation("app.name");
    }
}
