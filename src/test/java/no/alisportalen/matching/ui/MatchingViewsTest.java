package no.alisportalen.matching.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.alisportalen.TestApi;
import no.alisportalen.TestUsers;
import no.alisportalen.ViewTest;
import no.alisportalen.account.AccountService;
import no.alisportalen.matching.MatchService;
import no.alisportalen.matching.Preferences;
import no.alisportalen.matching.Requirement;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.WorkSetting;
import no.alisportalen.search.PositionSearchService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@ViewTest
class MatchingViewsTest extends SpringBrowserlessTest {

    static final String APPLICANT = "prefs-view@test.no";

    @Autowired
    MatchService matches;

    @Autowired
    MunicipalityService municipalities;

    @Autowired
    PositionService positions;

    @Autowired
    PositionSearchService search;

    @Autowired
    UserDetailsService users;

    @Autowired
    void ensureUser(AccountService accounts) {
        TestUsers.ensureApplicant(accounts, APPLICANT, "Preferanse Prøve");
    }

    @Test
    @WithUserDetails(APPLICANT)
    void the_editor_shows_defaults_validates_in_norwegian_and_saves_every_field() {
        matches.savePreferences(Preferences.defaults());
        var view = navigate(PreferencesView.class);
        assertThat(view.fixedSalary.getValue()).isEqualTo(Requirement.PREFERRED);
        assertThat(view.forms.getValue()).containsExactlyInAnyOrder(EmploymentForm.values());
        assertThat(view.weights.get("location").getValue()).isEqualTo(3);

        view.maxDistance.setValue(200);
        view.minOnCall.setValue(0);
        test(view.save).click();
        assertThat(view.home.isInvalid()).isTrue();
        assertThat(view.home.getErrorMessage()).isEqualTo("Velg hjemkommune for å bruke maks avstand.");
        assertThat(view.minOnCall.isInvalid()).isTrue();
        assertThat(view.message.getElement().getTextRecursively()).contains("Rett opp feltene");

        view.home.setValue(municipalities.find("1804").orElseThrow());
        view.minOnCall.setValue(5);
        view.regions.setValue(Set.of(Region.NORD));
        view.locationRequired.setValue(true);
        view.supervisor.setValue(Requirement.REQUIRED);
        view.weights.get("onCall").setValue(5);
        test(view.save).click();
        assertThat(view.message.getElement().getTextRecursively()).contains("Ønskene er lagret.");
        var saved = matches.preferences();
        assertThat(saved.homeMunicipality()).isEqualTo("1804");
        assertThat(saved.maxDistanceKm()).isEqualTo(200);
        assertThat(saved.regions()).containsExactly(Region.NORD);
        assertThat(saved.locationRequired()).isTrue();
        assertThat(saved.supervisorOnSite()).isEqualTo(Requirement.REQUIRED);
        assertThat(saved.weights().onCall()).isEqualTo(5);

        // Reopening shows what was saved.
        var again = navigate(PreferencesView.class);
        assertThat(again.minOnCall.getValue()).isEqualTo(5);
        assertThat(again.home.getValue().number()).isEqualTo("1804");
    }

    @Test
    @WithUserDetails(APPLICANT)
    void the_matches_view_ranks_positions_with_reasons_and_what_ifs() {
        var title = "ALIS treffvisning " + UUID.randomUUID().toString().substring(0, 6);
        TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
            var created = positions.create(new PositionData("1804", title, null, null, null, EmploymentForm.SALARIED,
                    WorkSetting.GP_PRACTICE, 700, 1_200_000, true, true, Set.of(), false, List.of(), true, 4, false, 3,
                    true, LocalDate.now().plusMonths(3), LocalDate.now().plusDays(20), 1, new Contact(null, null, null)));
            return positions.publish(created.id(), created.version());
        });
        search.flush();
        var b = matches.preferences().toBuilder();
        b.homeMunicipality = "1804";
        b.maxDistanceKm = null;
        b.regions = Set.of(Region.NORD);
        b.locationRequired = true;
        b.supervisorOnSite = Requirement.REQUIRED;
        b.minOnCallRotation = 4;
        matches.savePreferences(b.build());

        var view = navigate(MatchesView.class);
        while (view.more.isVisible()) {
            test(view.more).click();
        }
        assertThat(view.summary.getText()).matches("\\d+ stillinger oppfyller kravene dine\\.");
        assertThat($(Section.class).from(view.list).all().stream().map(s -> s.getElement().getTextRecursively()))
                .noneMatch(text -> text.contains(title));
        assertThat(view.whatIf.getElement().getTextRecursively()).contains("flere hvis du godtar vakt 1:3");

        b.minOnCallRotation = null;
        matches.savePreferences(b.build());
        navigate(PreferencesView.class); // navigating to the route already shown would keep the old instance
        view = navigate(MatchesView.class);
        while (view.more.isVisible()) {
            test(view.more).click();
        }
        var card = $(Section.class).from(view.list).all().stream()
                .filter(s -> s.getElement().getTextRecursively().contains(title)).findFirst().orElseThrow();
        assertThat(card.getElement().getTextRecursively()).contains("av 100", "Listelengde 700.", "Ikke oppfylt: Vakt 1:3.",
                "Oppfylt: Bodø, Nordland", "0 km fra Bodø.");
        assertThat(card.getElement().getTextRecursively().replace('\u00a0', ' ')).as("the salary, no elements")
                .contains("Verdt 1,2 mill. kr i året");

        // Nobody applied: once the need is computed, the card says so and why — unless the applicant said no.
        needs.recompute();
        search.flush();
        navigate(PreferencesView.class);
        assertThat(cardText(title)).contains("Trenger søkere", "ingen søknader ennå");
        var editor = navigate(PreferencesView.class);
        assertThat(editor.recruitmentBoost.getValue()).isTrue();
        test(editor.recruitmentBoost).click();
        test(editor.save).click();
        assertThat(matches.preferences().recruitmentBoost()).isFalse();
        assertThat(cardText(title)).doesNotContain("Trenger søkere");
    }

    @Autowired
    no.alisportalen.exposure.ApplicantNeeds needs;

    private String cardText(String title) {
        var view = navigate(MatchesView.class);
        while (view.more.isVisible()) {
            test(view.more).click();
        }
        return $(Section.class).from(view.list).all().stream().map(s -> s.getElement().getTextRecursively())
                .filter(text -> text.contains(title)).findFirst().orElseThrow();
    }
}
