package no.alisportalen.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import no.alisportalen.account.PasswordService;

/** Ask for a reset link: the same answer whether or not the address has an account. */
@Route("glemt-passord")
@AnonymousAllowed
final class ForgotPasswordView extends Main implements HasDynamicTitle {

    final EmailField email = new EmailField();
    final Button send = new Button();
    final Div message = new Div();

    ForgotPasswordView(PasswordService passwords) {
        addClassName("narrow-view");
        email.setLabel(getTranslation("register.email"));
        email.setWidthFull();
        email.setMaxLength(254);
        message.getElement().setAttribute("role", "status");
        send.setText(getTranslation("password.forgot.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickListener(e -> {
            passwords.requestReset(email.getValue(), getLocale());
            message.setText(getTranslation("password.forgot.sent"));
        });
        add(new H1(getTranslation("password.forgot.heading")), new Paragraph(getTranslation("password.forgot.intro")),
                email, send, message);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.forgot.heading") + " | " + getTranslation("app.name");
    }
}
