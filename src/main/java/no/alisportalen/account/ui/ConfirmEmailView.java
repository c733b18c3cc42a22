package no.alisportalen.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import no.alisportalen.account.EmailVerifications;
import no.alisportalen.base.InvalidInputException;

/**
 * The page a confirmation e-mail links to. Opening it confirms nothing (mail scanners open links); the button
 * does.
 */
@Route("bekreft-epost")
@AnonymousAllowed
final class ConfirmEmailView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    final Button confirm = new Button();
    final Div message = new Div();
    private String token = "";

    ConfirmEmailView(EmailVerifications verifications) {
        addClassName("narrow-view");
        message.getElement().setAttribute("role", "status");
        confirm.setText(getTranslation("verify.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> {
            try {
                verifications.confirm(token);
                message.removeAll();
                message.add(new Paragraph(getTranslation("verify.done")), new Anchor("login", getTranslation("verify.login")));
                confirm.setEnabled(false);
            } catch (InvalidInputException ex) {
                message.setText(getTranslation("validation.email.verifyToken"));
            }
        });
        add(new H1(getTranslation("verify.heading")), new Paragraph(getTranslation("verify.intro")), confirm, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.heading") + " | " + getTranslation("app.name");
    }
}
