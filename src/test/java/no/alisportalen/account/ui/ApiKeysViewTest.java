package no.alisportalen.account.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.ApiKey;
import no.alisportalen.account.ApiKeyService;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class ApiKeysViewTest extends SpringBrowserlessTest {

    static final String MUNICIPALITY = "apikeys-bodo@test.no";
    static final String APPLICANT = "apikeys-applicant@test.no";

    @Autowired
    ApiKeyService keys;

    @Autowired
    void ensureUsers(AccountService accounts) {
        TestUsers.ensure(accounts, new NewUser(MUNICIPALITY, TestUsers.PASSWORD, "Bodø HR", Role.MUNICIPALITY, "1804",
                null));
        TestUsers.ensureApplicant(accounts, APPLICANT, "Ikke nøkler");
    }

    @Test
    @WithUserDetails(MUNICIPALITY)
    void a_municipality_creates_a_key_sees_it_once_and_revokes_it() {
        var view = navigate(ApiKeysView.class);
        var name = "Lønnssystem " + System.nanoTime();
        test(view.name).setValue(name);
        test(view.create).click();

        assertThat(view.shown).isNotNull();
        assertThat(view.shown.key()).startsWith("alis_");
        assertThat(keys.authenticate(view.shown.key())).isPresent();
        var created = keys.mine().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.status()).isEqualTo(ApiKey.Status.ACTIVE);
        assertThat(test(view.grid).size()).isEqualTo(keys.mine().size());
        var presented = view.shown.key();

        view.revoke(created);
        assertThat(keys.mine().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow().status())
                .isEqualTo(ApiKey.Status.REVOKED);
        assertThat(keys.authenticate(presented)).isEmpty();
    }

    @Test
    @WithUserDetails(MUNICIPALITY)
    void a_nameless_key_is_refused_beside_the_field() {
        var view = navigate(ApiKeysView.class);
        int before = keys.mine().size();
        test(view.name).setValue("");
        test(view.create).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).contains("navn");
        assertThat(keys.mine()).hasSize(before);
        assertThat($(ConfirmDialog.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails(APPLICANT)
    void applicants_cannot_open_the_view() {
        assertThatThrownBy(() -> navigate(ApiKeysView.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
