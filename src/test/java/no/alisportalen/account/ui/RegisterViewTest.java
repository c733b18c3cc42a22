package no.alisportalen.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApplicantStage;
import no.alisportalen.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ViewTest
class RegisterViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    @Test
    void registering_creates_an_applicant_account() {
        var view = navigate(RegisterView.class);
        var email = "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        test(view.name).setValue("Kari Nordmann");
        test(view.email).setValue(email);
        test(view.password).setValue("fjell og fjord i nord");
        test(view.stage).selectItem("Medisinstudent");
        test(view.register).click();

        var account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.role()).isEqualTo(Role.APPLICANT);
        assertThat(account.stage()).isEqualTo(ApplicantStage.MEDICAL_STUDENT);
    }

    @Test
    void a_weak_password_is_explained_beside_the_field_and_nothing_is_created() {
        var view = navigate(RegisterView.class);
        var email = "weak-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        test(view.name).setValue("Ola");
        test(view.email).setValue(email);
        test(view.password).setValue("kort");
        test(view.register).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("mellom 10 og 128 tegn");
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void a_missing_name_is_required() {
        var view = navigate(RegisterView.class);
        test(view.register).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Skriv inn et navn.");
    }
}
