package no.alisportalen.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import no.alisportalen.account.PasswordService;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.ui.FormErrors;

/** The page a reset e-mail links to: set a new password with its single-use token. */
@Route("nytt-passord")
@AnonymousAllowed
final class ResetPasswordView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    final PasswordField password = new PasswordField();
    final Button save = new Button();
    final Div message = new Div();
    private String token = "";

    ResetPasswordView(PasswordService passwords) {
        addClassName("narrow-view");
        password.setLabel(getTranslation("password.new"));
        password.setHelperText(getTranslation("register.password.help"));
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.setWidthFull();
        message.getElement().setAttribute("role", "status");
        save.setText(getTranslation("password.reset.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            password.setInvalid(false);
            try {
                passwords.confirmReset(token, password.getValue());
                message.removeAll();
                message.add(new Anchor("login", getTranslation("password.reset.done")));
                save.setEnabled(false);
            } catch (InvalidInputException ex) {
                if (ex.problems().stream().anyMatch(p -> p.field().equals("token"))) {
                    message.setText(getTranslation("validation.password.resetToken"));
                }
                FormErrors.show(ex, Map.of("newPassword", password), this::getTranslation);
            }
        });
        add(new H1(getTranslation("password.reset.heading")), password, save, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.reset.heading") + " | " + getTranslation("app.name");
    }
}
