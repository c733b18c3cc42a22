package no.alisportalen.municipality.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import no.alisportalen.ViewTest;
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
}
