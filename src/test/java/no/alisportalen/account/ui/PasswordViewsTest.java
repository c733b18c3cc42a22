package no.alisportalen.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.PasswordService;
import no.alisportalen.account.PortalUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class PasswordViewsTest extends SpringBrowserlessTest {

    static final String CHANGER = "password-view@test.no";
    static final String TEMPORARY = "password-temporary@test.no";

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordService passwords;

    @Autowired
    UserDetailsService users;

    @Autowired
    void ensureUsers(AccountService accounts) {
        TestUsers.ensureApplicant(accounts, CHANGER, "Passord Visning");
        TestUsers.ensureApplicant(accounts, TEMPORARY, "Midlertidig Passord");
    }

    @Test
    @WithUserDetails(CHANGER)
    void a_user_changes_the_password_with_norwegian_messages() {
        var view = navigate(ChangePasswordView.class);
        test(view.current).setValue("Feil passord 99");
        test(view.next).setValue("Et nytt langt passord");
        test(view.change).click();
        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).isEqualTo("Nåværende passord er feil.");

        test(view.current).setValue(TestUsers.PASSWORD);
        test(view.next).setValue("kort");
        test(view.change).click();
        assertThat(view.next.isInvalid()).isTrue();

        test(view.current).setValue(TestUsers.PASSWORD);
        test(view.next).setValue("Et nytt langt passord");
        test(view.change).click();
        assertThat(view.message.getText()).startsWith("Passordet er byttet.");
        // Put back, so the test can run again in the same store.
        passwords.changeOwn("Et nytt langt passord", TestUsers.PASSWORD);
    }

    @Test
    @WithAnonymousUser
    void forgot_password_answers_the_same_for_any_address() {
        var view = navigate(ForgotPasswordView.class);
        test(view.email).setValue("finnes-ikke@test.no");
        test(view.send).click();
        var unknown = view.message.getText();
        test(view.email).setValue(CHANGER);
        test(view.send).click();
        assertThat(view.message.getText()).isEqualTo(unknown).startsWith("Finnes adressen hos oss");
    }

    @Test
    @WithAnonymousUser
    void a_made_up_reset_link_says_so() {
        com.vaadin.flow.component.UI.getCurrent().navigate("nytt-passord",
                com.vaadin.flow.router.QueryParameters.of("token", "oppdiktet"));
        var view = (ResetPasswordView) getCurrentView();
        test(view.password).setValue("Et nytt langt passord");
        test(view.save).click();
        assertThat(view.message.getText()).isEqualTo("Lenken er ugyldig, brukt eller utløpt. Be om en ny.");
    }

    @Test
    @WithUserDetails("admin@alisportalen.no")
    void a_user_with_a_temporary_password_reaches_only_the_change_view() {
        var id = accounts.findByEmail(TEMPORARY).orElseThrow().id();
        passwords.setTemporary(id, "Midlertidig passord 42");
        var user = (PortalUser) users.loadUserByUsername(TEMPORARY);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var landed = navigate(ProfileView.class.getAnnotation(com.vaadin.flow.router.Route.class).value(),
                ChangePasswordView.class);
        assertThat(landed.getElement().getTextRecursively()).contains("midlertidig passord");
        test(landed.current).setValue("Midlertidig passord 42");
        test(landed.next).setValue(TestUsers.PASSWORD);
        test(landed.change).click();
        assertThat(navigate(ProfileView.class)).isNotNull();
    }
}
