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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.ui.FormErrors;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.RecruitmentStatus;
import no.alisportalen.municipality.RecruitmentWeakness;
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

    private final RecruitmentWeakness weakness;
    private Map<String, Boolean> weak;

    MunicipalityListView(MunicipalityService municipalities, RecruitmentWeakness weakness) {
        this.weakness = weakness;
        this.weak = weakness.all();
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
        grid.addColumn(m -> getTranslation(weak.getOrDefault(m.number(), false) ? "page.yes" : "page.no"))
                .setHeader(getTranslation("municipalities.recruitmentWeak"))
                .setComparator(m -> weak.getOrDefault(m.number(), false)).setSortable(true).setAutoWidth(true);
        if (isAdmin()) {
            grid.addComponentColumn(m -> {
                var button = new Button(getTranslation("municipalities.override"), e -> openOverride(m, data));
                button.addThemeVariants(ButtonVariant.TERTIARY);
                button.setAriaLabel(getTranslation("municipalities.override.label", m.name()));
                return button;
            }).setHeader(getTranslation("municipalities.override.column")).setAutoWidth(true);
        }
        grid.sort(GridSortOrder.asc(nameColumn).build());
        grid.setAriaLabel(getTranslation("municipalities.heading"));
        grid.setAllRowsVisible(false);
        grid.setHeight("65vh");

        add(new H1(getTranslation("municipalities.heading")), new Paragraph(getTranslation("municipalities.intro")),
                new HorizontalLayout(filter, region), grid);
    }

    private static boolean isAdmin() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** An admin overrides the centrality rule with a reason and a decision date; the history is shown. */
    void openOverride(Municipality municipality, ListDataProvider<Municipality> data) {
        var status = weakness.status(municipality.number());
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("municipalities.override.heading", municipality.name()));
        var choice = new RadioButtonGroup<String>(getTranslation("municipalities.override.choice"));
        choice.setItems("WEAK", "NOT_WEAK", "CENTRALITY");
        choice.setItemLabelGenerator(c -> getTranslation("municipalities.override." + c, municipality.centrality()));
        choice.setValue(status.source() == RecruitmentStatus.Source.CENTRALITY ? "CENTRALITY"
                : status.recruitmentWeak() ? "WEAK" : "NOT_WEAK");
        var reason = new TextArea(getTranslation("municipalities.override.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        var decidedOn = new DatePicker(getTranslation("municipalities.override.date"));
        decidedOn.setValue(java.time.LocalDate.now());
        decidedOn.setMax(java.time.LocalDate.now());
        var history = new UnorderedList();
        status.history().forEach(d -> history.add(new ListItem(getTranslation("municipalities.override.history",
                d.decidedOn().toString(), d.by(), getTranslation(d.recruitmentWeak() == null
                        ? "municipalities.override.CENTRALITY" : d.recruitmentWeak() ? "municipalities.override.WEAK"
                        : "municipalities.override.NOT_WEAK", municipality.centrality()), d.reason()))));
        var save = new Button(getTranslation("municipalities.override.save"), e -> {
            try {
                var admin = org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication();
                weakness.decide(municipality.number(), switch (choice.getValue()) {
                    case "WEAK" -> Boolean.TRUE;
                    case "NOT_WEAK" -> Boolean.FALSE;
                    default -> null;
                }, reason.getValue(), decidedOn.getValue(), admin == null ? "unknown" : admin.getName());
                weak = weakness.all();
                data.refreshAll();
                dialog.close();
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, Map.of("reason", reason, "decidedOn", decidedOn), this::getTranslation);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = new Button(getTranslation("municipalities.override.cancel"), e -> dialog.close());
        dialog.add(new Paragraph(getTranslation("municipalities.override.intro")), choice, reason, decidedOn);
        if (!status.history().isEmpty()) {
            dialog.add(new H2(getTranslation("municipalities.override.historyHeading")), history);
        }
        dialog.getFooter().add(cancel, save);
        dialog.open();
        overrideDialog = dialog;
        overrideChoice = choice;
        overrideReason = reason;
        overrideSave = save;
    }

    // The open override dialog's parts, for view tests.
    @org.jspecify.annotations.Nullable Dialog overrideDialog;
    @org.jspecify.annotations.Nullable RadioButtonGroup<String> overrideChoice;
    @org.jspecify.annotations.Nullable TextArea overrideReason;
    @org.jspecify.annotations.Nullable Button overrideSave;

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
