package no.alisportalen.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import no.alisportalen.account.PasswordService;
import no.alisportalen.account.PortalUser;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.ui.FormErrors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every user changes their own password here; a user with a temporary password set by an administrator is
 * sent here and can go nowhere else until it is done. Other sessions of the user end.
 */
@Route("passord")
@com.vaadin.flow.router.Menu(order = 95, title = "nav.password", icon = "vaadin:key")
@PermitAll
final class ChangePasswordView extends Main implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final Button change = new Button();
    final Div message = new Div();

    ChangePasswordView(PasswordService passwords) {
        addClassName("narrow-view");
        current.setLabel(getTranslation("password.current"));
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        next.setLabel(getTranslation("password.new"));
        next.setHelperText(getTranslation("register.password.help"));
        next.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        current.setWidthFull();
        next.setWidthFull();
        message.getElement().setAttribute("role", "status");
        change.setText(getTranslation("password.change"));
        change.addThemeVariants(ButtonVariant.PRIMARY);
        change.addClickListener(e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            try {
                var fresh = passwords.changeOwn(current.getValue(), next.getValue());
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
                current.clear();
                next.clear();
                message.setText(getTranslation("password.changed"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, Map.of("currentPassword", current, "newPassword", next), this::getTranslation);
            }
        });
        boolean required = PortalUser.current().map(PortalUser::passwordChangeRequired).orElse(false);
        add(new H1(getTranslation("password.heading")));
        if (required) {
            add(new Paragraph(getTranslation("password.required")));
        }
        add(current, next, change, message);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.heading") + " | " + getTranslation("app.name");
    }
}
