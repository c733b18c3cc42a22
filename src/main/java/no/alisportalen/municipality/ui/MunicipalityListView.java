package no.alisportalen.municipality.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.text.NumberFormat;
import java.util.Locale;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;

/** Every municipality with county, ALIS office, centrality and population; filter by name or region. */
@Route("kommuner")
@Menu(order = 50, title = "nav.municipalities", icon = "vaadin:map-marker")
@AnonymousAllowed
final class MunicipalityListView extends Main implements HasDynamicTitle {

    final TextField filter = new TextField();
    final Select<Region> region = new Select<>();
    final Grid<Municipality> grid = new Grid<>();

    MunicipalityListView(MunicipalityService municipalities) {
        var data = new ListDataProvider<>(municipalities.all());
        var numbers = NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb"));
        filter.setLabel(getTranslation("municipalities.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        region.setLabel(getTranslation("municipalities.region"));
        region.setItems(Region.values());
        region.setEmptySelectionAllowed(true);
        region.setEmptySelectionCaption(getTranslation("municipalities.allRegions"));
        region.setItemLabelGenerator(r -> r == null ? getTranslation("municipalities.allRegions")
                : getTranslation("region." + r.name()));
        filter.addValueChangeListener(e -> applyFilter(data));
        region.addValueChangeListener(e -> applyFilter(data));

        grid.setDataProvider(data);
        grid.addColumn(Municipality::number).setHeader(getTranslation("municipalities.number")).setSortable(true)
                .setAutoWidth(true);
        var nameColumn = grid.addColumn(Municipality::name).setHeader(getTranslation("municipalities.name"))
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(Municipality::countyName).setHeader(getTranslation("municipalities.county")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(m -> getTranslation("region." + m.region().name()))
                .setHeader(getTranslation("municipalities.region")).setSortable(true).setAutoWidth(true);
        grid.addColumn(Municipality::centrality).setHeader(getTranslation("municipalities.centrality"))
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(m -> numbers.format(m.population())).setHeader(getTranslation("municipalities.population"))
                .setComparator(Municipality::population).setSortable(true).setAutoWidth(true);
        grid.sort(GridSortOrder.asc(nameColumn).build());
        grid.setAriaLabel(getTranslation("municipalities.heading"));
        grid.setAllRowsVisible(false);
        grid.setHeight("65vh");

        add(new H1(getTranslation("municipalities.heading")), new Paragraph(getTranslation("municipalities.intro")),
                new HorizontalLayout(filter, region), grid);
    }

    private void applyFilter(ListDataProvider<Municipality> data) {
        var text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        var chosen = region.getValue();
        data.setFilter(m -> (chosen == null || m.region() == chosen)
                && (text.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(text) || m.number().startsWith(text)
                        || m.countyName().toLowerCase(Locale.ROOT).contains(text)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("municipalities.heading") + " | " + getTranslation("app.name");
    }
}
