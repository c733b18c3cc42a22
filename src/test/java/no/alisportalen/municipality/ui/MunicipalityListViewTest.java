package no.alisportalen.municipality.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import no.alisportalen.TestApi;
import no.alisportalen.ViewTest;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.RecruitmentStatus;
import no.alisportalen.municipality.RecruitmentWeakness;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import no.alisportalen.municipality.Region;
import org.junit.jupiter.api.Test;

@ViewTest
class MunicipalityListViewTest extends SpringBrowserlessTest {

    @Test
    void lists_all_municipalities_and_filters_by_name_and_region() {
        var view = navigate(MunicipalityListView.class);
        assertThat(test(view.grid).size()).isEqualTo(357);

        test(view.filter).setValue("bodø");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("Bodø");

        test(view.filter).setValue("");
        view.region.setValue(Region.OSLO);
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Autowired
    RecruitmentWeakness weakness;

    @Test
    void anyone_sees_who_is_especially_recruitment_weak_but_only_admins_can_change_it() {
        var view = navigate(MunicipalityListView.class);
        test(view.filter).setValue("røst");
        assertThat(test(view.grid).getCellText(0, 6)).isEqualTo("Ja");
        assertThat(view.grid.getColumns()).hasSize(7);
    }

    @Test
    @WithUserDetails(TestApi.ADMIN_EMAIL)
    void an_admin_overrides_a_municipality_with_a_reason_and_the_list_follows() {
        var view = navigate(MunicipalityListView.class);
        test(view.filter).setValue("Eigersund");
        assertThat(test(view.grid).getCellText(0, 6)).as("centrality 4").isEqualTo("Nei");
        var eigersund = view.grid.getGenericDataView().getItems().findFirst().orElseThrow();
        view.openOverride(eigersund, (com.vaadin.flow.data.provider.ListDataProvider<Municipality>) view.grid
                .getDataProvider());
        roundTrip();
        view.overrideChoice.setValue("WEAK");
        test(view.overrideSave).click();
        assertThat(view.overrideReason.isInvalid()).as("a reason is required").isTrue();
        assertThat(weakness.isWeak("1101")).isFalse();
        view.overrideReason.setValue("Tre ledige fastlegehjemler i to år");
        test(view.overrideSave).click();
        assertThat(weakness.isWeak("1101")).isTrue();
        assertThat(test(view.grid).getCellText(0, 6)).isEqualTo("Ja");
        var status = weakness.status("1101");
        assertThat(status.source()).isEqualTo(RecruitmentStatus.Source.OVERRIDE);
        assertThat(status.decidedBy()).isEqualTo(TestApi.ADMIN_EMAIL);
        assertThat(status.reason()).isEqualTo("Tre ledige fastlegehjemler i to år");
    }
}
