package no.alisportalen.monitoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import java.util.Map;
import java.util.Optional;
import no.alisportalen.TestApi;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.NewUser;
import no.alisportalen.account.Role;
import no.alisportalen.municipality.Region;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class DashboardViewTest extends SpringBrowserlessTest {

    static final String OFFICE = "dashboard-nord@test.no";
    static final String APPLICANT = "dashboard-applicant@test.no";

    @Autowired
    void ensureUsers(AccountService accounts,
            org.springframework.security.core.userdetails.UserDetailsService users) {
        TestUsers.ensure(accounts, new NewUser(OFFICE, TestUsers.PASSWORD, "ALIS Nord", Role.ALIS_OFFICE, null,
                Region.NORD));
        TestUsers.ensureApplicant(accounts, APPLICANT, "Ikke kontor");
        TestUsers.listable(users, accounts, APPLICANT);
    }

    @Autowired
    no.alisportalen.application.ApplicationService applications;

    @Autowired
    no.alisportalen.position.PositionService positions;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /** A published position without applications in Nord and one in Vest: the filters below have rows to judge. */
    @org.junit.jupiter.api.BeforeEach
    void positions() {
        for (var municipality : java.util.List.of("1804", "4601")) {
            TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
                var data = new no.alisportalen.position.PositionData(municipality, "Oversikt " + municipality, null,
                        null, null, no.alisportalen.position.EmploymentForm.SALARIED,
                        no.alisportalen.position.WorkSetting.GP_PRACTICE, 800, 1_100_000, true, true,
                        java.util.Set.of(), false, java.util.List.of(), true, 4, false, 6, true,
                        java.time.LocalDate.now().plusMonths(4), java.time.LocalDate.now().plusMonths(1), 1, null);
                var created = positions.create(data);
                return positions.publish(created.id(), created.version());
            });
        }
    }

    @Test
    @WithUserDetails(OFFICE)
    void an_office_sees_its_regions_figures_charts_and_filterable_tables() {
        var view = navigate(DashboardView.class);
        assertThat(view.region.isVisible()).isFalse();
        assertThat(view.region.getValue()).isEqualTo(Optional.of(Region.NORD));
        assertThat(view.figures.getElement().getTextRecursively()).contains("publiserte stillinger",
                "stillinger uten søknader", "dager åpen (median)");
        var charts = $(Section.class).from(view.charts).all();
        assertThat(charts).hasSize(5);
        assertThat($(Svg.class).from(view.charts).all()).hasSize(5);
        var alts = $(Div.class).from(view.charts).all().stream().map(d -> d.getElement().getAttribute("aria-label"))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(alts).hasSize(5).allSatisfy(alt -> assertThat(alt).as("states what the chart shows")
                .containsAnyOf("flest", "Flest", "Størst", "Ingen", "vist mest"));
        assertThat(view.charts.getElement().getTextRecursively()).contains("Søknader over tid",
                "Andel stillinger uten søkere etter sentralitet", "Synlighet per kommune");
        // Only admins switch the recruitment boost for the whole portal.
        assertThat(view.recruitmentBoost.isVisible()).isFalse();

        var rows = view.filtered();
        assertThat(rows).isNotEmpty().allMatch(r -> r.region() == Region.NORD);
        test(view.filter).setValue("zzzz-ingen-treff");
        assertThat(view.filtered()).isEmpty();
        assertThat(test(view.positions).size()).isZero();
        test(view.filter).setValue("");
        view.withoutApplications.setValue(true);
        assertThat(view.filtered()).isNotEmpty().allMatch(r -> r.applicationCount() == 0);
        assertThat(view.positionsCsv.getHref()).isNotBlank();
    }

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void admins_choose_the_region_or_the_whole_country() {
        UI.getCurrent().navigate(DashboardView.class, com.vaadin.flow.router.QueryParameters.simple(
                Map.of("region", "VEST")));
        var view = $(DashboardView.class).single();
        assertThat(view.region.isVisible()).isTrue();
        assertThat(view.filtered()).isNotEmpty().allMatch(r -> r.region() == Region.VEST);
        view.status.setValue(Optional.empty());
        UI.getCurrent().navigate(DashboardView.class);
        assertThat($(DashboardView.class).single().region.getValue()).isEmpty();
    }

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void an_admin_switches_the_recruitment_boost_for_the_whole_portal() {
        var view = navigate(DashboardView.class);
        assertThat(view.recruitmentBoost.isVisible()).isTrue();
        assertThat(view.recruitmentBoost.getValue()).isEqualTo(boost.enabled());
        try {
            test(view.recruitmentBoost).click();
            assertThat(boost.enabled()).isFalse();
            assertThat(navigate(DashboardView.class).recruitmentBoost.getValue()).isFalse();
        } finally {
            boost.setEnabled(true);
        }
    }

    @Autowired
    no.alisportalen.exposure.RecruitmentBoost boost;

    @Test
    @WithUserDetails(APPLICANT)
    void applicants_cannot_open_the_dashboard() {
        UI.getCurrent().navigate("alis-kontor");
        assertThat($(DashboardView.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails(OFFICE)
    void an_office_sees_where_each_applicant_list_stands_and_undecided_requests_after_the_period() {
        var ids = TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
            var data = new no.alisportalen.position.PositionData("1804", "Oversikt søkerliste", null, null, null,
                    no.alisportalen.position.EmploymentForm.SALARIED, no.alisportalen.position.WorkSetting.GP_PRACTICE,
                    800, 1_100_000, true, true, java.util.Set.of(), false, java.util.List.of(), true, 4, false, 6,
                    true, java.time.LocalDate.now().plusMonths(4), java.time.LocalDate.now().plusMonths(1), 1, null);
            var open = positions.create(data);
            var closing = positions.create(data);
            return java.util.List.of(positions.publish(open.id(), open.version()).id(),
                    positions.publish(closing.id(), closing.version()).id());
        });
        TestUsers.as(users, APPLICANT, () -> applications.apply(ids.get(1), "Hei",
                "Arbeidsgiveren min vet ikke om det."));
        TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> positions.close(ids.get(1)));
        var view = navigate(DashboardView.class);
        view.status.setValue(Optional.empty());
        assertThat(view.listStanding(ids.get(0))).isEqualTo("Søknadsperioden pågår");
        assertThat(view.listStanding(ids.get(1))).isEqualTo("Venter – ⚠ 1 ubehandlede ønsker om unntak");
    }
}
