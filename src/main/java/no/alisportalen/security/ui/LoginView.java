package no.alisportalen.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Login for every role; Spring Security processes the form post. */
@Route(value = "login", autoLayout = true)
@AnonymousAllowed
public final class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));
        add(new H1(getTranslation("login.heading")), new Paragraph(getTranslation("login.intro")), form,
                new Paragraph(new Anchor("registrer", getTranslation("login.register"))),
                new Paragraph(new Anchor("glemt-passord", getTranslation("login.forgot"))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            var session = VaadinSession.getCurrent().getSession();
            var error = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            form.setI18n(i18n(error instanceof LockedException ? "login.error.throttled" : "login.error.message"));
            form.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.name");
    }

    private LoginI18n i18n(@org.jspecify.annotations.Nullable String errorKey) {
        var i18n = LoginI18n.createDefault();
        var f = new LoginI18n.Form();
        f.setTitle(getTranslation("login.form.title"));
        f.setUsername(getTranslation("login.form.username"));
        f.setPassword(getTranslation("login.form.password"));
        f.setSubmit(getTranslation("login.form.submit"));
        i18n.setForm(f);
        var e = new LoginI18n.ErrorMessage();
        e.setTitle(getTranslation("login.error.title"));
        e.setMessage(getTranslation(errorKey == null ? "login.error.message" : errorKey));
        e.setUsername(getTranslation("login.error.username"));
        e.setPassword(getTranslation("login.error.password"));
        i18n.setErrorMessage(e);
        return i18n;
    }
}
