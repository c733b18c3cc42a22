package no.alisportalen.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import no.alisportalen.base.ui.FormErrors;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.NewApplicant;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.InvalidInputException;

/** Self-registration for medical students, LIS1 and doctors. */
@Route("registrer")
@AnonymousAllowed
final class RegisterView extends Main implements HasDynamicTitle {

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final Select<ApplicantStage> stage = new Select<>();
    final Button register = new Button();

    private final AccountService accounts;
    private final no.alisportalen.account.RegistrationThrottle registrations;

    RegisterView(AccountService accounts, no.alisportalen.account.RegistrationThrottle registrations) {
        this.accounts = accounts;
        this.registrations = registrations;
        addClassName("narrow-view");
        name.setId("register-name");
        email.setId("register-email");
        password.setId("register-password");
        register.setId("register-submit");
        name.setLabel(getTranslation("register.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        email.setLabel(getTranslation("register.email"));
        email.setRequiredIndicatorVisible(true);
        email.setErrorMessage(getTranslation("validation.email.invalid"));
        password.setLabel(getTranslation("register.password"));
        password.setHelperText(getTranslation("register.password.help"));
        password.setRequiredIndicatorVisible(true);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        stage.setLabel(getTranslation("register.stage"));
        stage.setItems(ApplicantStage.values());
        stage.setItemLabelGenerator(s -> getTranslation("stage." + s.name()));
        stage.setValue(ApplicantStage.LIS1);
        register.setText(getTranslation("register.submit"));
        register.addThemeVariants(ButtonVariant.PRIMARY);
        register.addClickListener(e -> submit());
        register.addClickShortcut(Key.ENTER);
        var form = new FormLayout(name, email, password, stage);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H1(getTranslation("register.heading")), new Paragraph(getTranslation("register.intro")), form, register,
                new Paragraph(new Anchor("login", getTranslation("register.haveAccount"))));
    }

    private void submit() {
        name.setInvalid(false);
        password.setInvalid(false);
        boolean ok = true;
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("validation.name.required"));
            name.setInvalid(true);
            ok = false;
        }
        if (email.getValue().isBlank() || email.isInvalid()) {
            email.setErrorMessage(getTranslation(email.getValue().isBlank() ? "validation.email.required"
                    : "validation.email.invalid"));
            email.setInvalid(true);
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
            registrations.acquire(request == null ? "unknown" : request.getRemoteAddr());
            accounts.registerApplicant(new NewApplicant(email.getValue(), password.getValue(), name.getValue(),
                    stage.getValue()));
            Notification.show(getTranslation("register.done"), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("login"));
        } catch (InvalidInputException e) {
            FormErrors.show(e, Map.of("password", password, "email", email, "name", name), this::getTranslation);
        } catch (ConflictException e) {
            email.setErrorMessage(getTranslation(e.messageKey()));
            email.setInvalid(true);
        } catch (no.alisportalen.base.TooManyRequestsException e) {
            Notification.show(getTranslation(e.messageKey()), 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.heading") + " | " + getTranslation("app.name");
    }
}
