package no.alisportalen.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.alisportalen.TestApi;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.alert.AlertService;
import no.alisportalen.alert.SavedSearchKind;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.WorkSetting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class AlertViewsTest extends SpringBrowserlessTest {

    static final String APPLICANT = "alert-view@test.no";

    @Autowired
    AlertService alerts;

    @Autowired
    PositionService positions;

    @Autowired
    UserDetailsService users;

    @Autowired
    void ensureUser(AccountService accounts) {
        TestUsers.ensureApplicant(accounts, APPLICANT, "Varsel Visning");
    }

    @Test
    @WithUserDetails(APPLICANT)
    void a_search_is_saved_only_after_confirming_and_can_be_deleted() {
        alerts.savedSearches().forEach(s -> alerts.delete(s.id()));
        UI.getCurrent().navigate(SavedSearchesView.class,
                QueryParameters.simple(Map.of("lagre", "sok", "region", "NORD", "q", "fastlønn")));
        var view = $(SavedSearchesView.class).single();
        assertThat(alerts.savedSearches()).isEmpty();
        test(view.name).setValue("");
        test(view.confirm).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(alerts.savedSearches()).isEmpty();

        test(view.name).setValue("Fastlønn i Nord");
        test(view.confirm).click();
        assertThat(view.message.getElement().getTextRecursively()).contains("«Fastlønn i Nord» er lagret");
        var saved = alerts.savedSearches();
        assertThat(saved).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SavedSearchKind.SEARCH);
            assertThat(s.query()).contains("region=NORD").contains("q=fastl");
        });
        assertThat(view.searches.getElement().getTextRecursively()).contains("Fastlønn i Nord");
        alerts.delete(saved.getFirst().id());
        assertThat(alerts.savedSearches()).isEmpty();
    }

    @Test
    @WithUserDetails(APPLICANT)
    void preferences_and_favourites_are_offered_from_their_links() {
        var position = TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
            var created = positions.create(new PositionData("1804", "ALIS favoritt", null, null, null,
                    EmploymentForm.SALARIED, WorkSetting.GP_PRACTICE, 700, 1_100_000, true, true, Set.of(), false,
                    List.of(), true, 4, false, 6, true, LocalDate.now().plusMonths(3), LocalDate.now().plusDays(20),
                    1, new Contact(null, null, null)));
            return positions.publish(created.id(), created.version());
        });
        UI.getCurrent().navigate(SavedSearchesView.class,
                QueryParameters.simple(Map.of("favoritt", position.id().value())));
        var view = $(SavedSearchesView.class).single();
        assertThat(view.pending.getElement().getTextRecursively()).contains("Legge «ALIS favoritt» til i favoritter?");
        test(view.confirm).click();
        assertThat(alerts.isFavourite(position.id())).isTrue();
        assertThat(view.favourites.getElement().getTextRecursively()).contains("ALIS favoritt");

        UI.getCurrent().navigate(SavedSearchesView.class, QueryParameters.simple(Map.of("lagre", "onsker")));
        test(view.confirm).click();
        assertThat(alerts.savedSearches()).anyMatch(s -> s.kind() == SavedSearchKind.PREFERENCES);
    }

    @Test
    void the_unsubscribe_page_needs_no_login_and_rejects_an_unknown_token() {
        UI.getCurrent().navigate(UnsubscribeView.class, QueryParameters.simple(Map.of("token", "ukjent")));
        var view = $(UnsubscribeView.class).single();
        test(view.stop).click();
        assertThat(view.outcome.getElement().getTextRecursively()).contains("Lenken er ugyldig");
    }
}
