package no.alisportalen.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import no.alisportalen.TestApi;
import no.alisportalen.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class MainLayoutViewTest extends SpringBrowserlessTest {

    private java.util.List<String> menu() {
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void anonymous_visitors_get_the_norwegian_landing_page_for_every_audience_and_a_login_link() {
        navigate(HomeView.class);
        assertThat(find(H1.class).first().getText()).isEqualTo("ALIS-portalen");
        assertThat(find(H2.class).all()).extracting(H2::getText).containsExactly("For medisinstudenter og LIS1",
                "For kommuner", "For ALIS-kontorene", "For integrasjoner");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).contains("Logg inn", "Hopp til hovedinnhold");
        assertThat(menu()).contains("Forside", "Kommuner", "Om portalen").doesNotContain("Brukere");
    }

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void administrators_see_user_administration_in_the_menu() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Brukere");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).doesNotContain("Logg inn");
    }

    @Test
    void the_about_page_credits_the_data_sources() {
        var about = navigate(AboutView.class);
        assertThat(about.getElement().getTextRecursively()).contains("Statistisk sentralbyrå", "Kartverket",
                "GeoNames");
    }

    @Test
    void the_privacy_page_states_the_configured_retention_and_who_sees_applications() {
        var privacy = navigate(PrivacyView.class);
        assertThat(privacy.getElement().getTextRecursively()).contains("anonymiseres automatisk 12 måneder",
                "ALIS-kontorene ser bare antall søknader");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getHref).contains("personvern");
    }

    @Test
    void anonymous_visitors_do_not_see_applicant_or_municipality_menu_items() {
        navigate(HomeView.class);
        assertThat(menu()).doesNotContain("Mine søknader", "Varsler", "Mine stillinger");
    }
}
