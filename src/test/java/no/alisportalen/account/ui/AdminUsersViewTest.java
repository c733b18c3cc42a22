package no.alisportalen.account.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import no.alisportalen.TestApi;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.Role;
import no.alisportalen.municipality.Region;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class AdminUsersViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void an_admin_creates_an_alis_office_user_for_a_region() {
        var view = navigate(AdminUsersView.class);
        var email = "office-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        test(view.email).setValue(email);
        test(view.name).setValue("ALIS Vest");
        test(view.password).setValue("Bergen regner ofte");
        test(view.role).selectItem("ALIS-kontor");
        assertThat(view.region.isVisible()).isTrue();
        assertThat(view.municipality.isVisible()).isFalse();
        test(view.region).selectItem("Vest (Bergen)");
        test(view.create).click();

        var account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.role()).isEqualTo(Role.ALIS_OFFICE);
        assertThat(account.region()).isEqualTo(Region.VEST);
        assertThat(test(view.grid).size()).isGreaterThanOrEqualTo(2);
    }

    @Autowired
    no.alisportalen.account.ApiKeyService keys;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void an_admin_sees_a_users_api_keys_and_revokes_one() {
        var email = "nokler-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        no.alisportalen.TestUsers.ensure(accounts, new no.alisportalen.account.NewUser(email,
                no.alisportalen.TestUsers.PASSWORD, "Nøkkeleier", Role.MUNICIPALITY, "1804", null));
        no.alisportalen.TestUsers.as(users, email, () -> keys.create("Lønnssystem", null));
        var owner = accounts.findByEmail(email).orElseThrow();

        var view = navigate(AdminUsersView.class);
        view.showKeys(owner);
        roundTrip();
        var shown = java.util.Objects.requireNonNull(view.shownKeys);
        assertThat(test(shown).size()).isEqualTo(1);
        assertThat(test(shown).getCellText(0, 0)).isEqualTo("Lønnssystem");
        shown.revoke(test(shown).getRow(0));
        assertThat(keys.ofAccount(owner.id())).singleElement()
                .satisfies(k -> assertThat(k.status()).isEqualTo(no.alisportalen.account.ApiKey.Status.REVOKED));
        assertThat(test(shown).getCellText(0, 5)).isEqualTo("Trukket tilbake");
    }

    @Test
    @WithMockUser(roles = "MUNICIPALITY")
    void only_admins_list_other_accounts_keys() {
        var admin = accounts.findByEmail(TestApi.ADMIN_EMAIL).orElseThrow();
        assertThatThrownBy(() -> keys.ofAccount(admin.id()))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "APPLICANT")
    void other_roles_cannot_open_user_administration() {
        assertThatThrownBy(() -> navigate(AdminUsersView.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(roles = "MUNICIPALITY")
    void the_service_refuses_non_admins_even_without_the_view() {
        assertThatThrownBy(() -> accounts.all())
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }
}
