package no.alisportalen.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import no.alisportalen.exposure.ExposureService;
import no.alisportalen.exposure.NeedLabel;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import no.alisportalen.base.ServiceUnavailableException;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.WorkSetting;
import no.alisportalen.search.FacetValue;
import no.alisportalen.search.PositionSearchService;
import no.alisportalen.search.SearchHit;
import no.alisportalen.search.SearchParameters;
import no.alisportalen.search.SearchQuery;
import no.alisportalen.search.SearchResult;
import no.alisportalen.search.SearchSort;
import org.jspecify.annotations.Nullable;

/**
 * The portal's front door: free text with suggestions, disjunctive facets with live counts, every ALIS filter,
 * distance from a municipality and five sort orders. The URL holds the whole query, so a search can be
 * bookmarked, shared and navigated with the back button.
 */
@Route("stillinger")
@Menu(order = 10, title = "nav.search", icon = "vaadin:search")
@AnonymousAllowed
final class SearchView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 20;
    static final String MODE = "visning";

    final TextField text = new TextField();
    final Div suggestions = new Div();
    final CheckboxGroup<String> region = new CheckboxGroup<>();
    final CheckboxGroup<String> county = new CheckboxGroup<>();
    final CheckboxGroup<String> employmentForm = new CheckboxGroup<>();
    final CheckboxGroup<String> setting = new CheckboxGroup<>();
    final CheckboxGroup<String> incentive = new CheckboxGroup<>();
    final CheckboxGroup<String> introductionAgreement = new CheckboxGroup<>();
    final CheckboxGroup<String> centrality = new CheckboxGroup<>();
    final ComboBox<Municipality> municipality = new ComboBox<>();
    final IntegerField maxListLength = new IntegerField();
    final IntegerField minSalary = new IntegerField();
    final IntegerField minYearlyValue = new IntegerField();
    final Checkbox alisAgreement = new Checkbox();
    final Checkbox recruitmentWeak = new Checkbox();
    final Checkbox supervisorOnSite = new Checkbox();
    final IntegerField minOnCallRotation = new IntegerField();
    final ComboBox<Municipality> nearMunicipality = new ComboBox<>();
    final IntegerField radiusKm = new IntegerField();
    private final ExposureService exposure;
    final Select<SearchSort> sort = new Select<>();
    /** The searcher's own switch of the recruitment boost, remembered for the session. */
    final Checkbox boost = new Checkbox();
    private static final String BOOST_OFF = "search.recruitmentBoostOff";
    final Paragraph summary = new Paragraph();
    final com.vaadin.flow.component.html.Anchor saveSearch = new com.vaadin.flow.component.html.Anchor();
    final Div results = new Div();
    final Button previous = new Button();
    final Button next = new Button();
    static final String LIST = "LIST";
    static final String MAP = "MAP";
    /** List or map: a radio group (Vaadin's tabs without tab panels fail axe's aria-required-children). */
    final com.vaadin.flow.component.radiobutton.RadioButtonGroup<String> mode =
            new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>();

    private final PositionSearchService search;
    private final MunicipalityService municipalities;
    private SearchQuery query = SearchQuery.all();
    private boolean updating;

    SearchView(PositionSearchService search, MunicipalityService municipalities, ExposureService exposure) {
        this.exposure = exposure;
        this.search = search;
        this.municipalities = municipalities;
        addClassName("search-view");
        configure();
        var filters = new Aside(new H2(getTranslation("search.filters")), facet("search.facet.region", region),
                facet("search.facet.employmentForm", employmentForm), facet("search.facet.setting", setting),
                facet("search.facet.incentive", incentive),
                facet("search.facet.introductionAgreement", introductionAgreement), maxListLength, minSalary, minYearlyValue,
                minOnCallRotation, alisAgreement, recruitmentWeak, supervisorOnSite, municipality, nearMunicipality,
                radiusKm, facet("search.facet.centrality", centrality), facet("search.facet.county", county),
                clearButton());
        filters.addClassName("search-filters");
        filters.getElement().setAttribute("aria-label", getTranslation("search.filters"));
        saveSearch.setText(getTranslation("search.save"));
        saveSearch.setId("save-search");
        // Saved searches belong to applicants (others would only meet a refusal); anonymous visitors log in first.
        saveSearch.setVisible(no.alisportalen.account.PortalUser.current()
                .map(u -> u.role() == no.alisportalen.account.Role.APPLICANT).orElse(true));
        boost.setLabel(getTranslation("search.boost"));
        boost.setId("recruitment-boost");
        boost.setTooltipText(getTranslation("search.boost.help"));
        boost.addValueChangeListener(e -> {
            if (!updating) {
                VaadinSession.getCurrent().setAttribute(BOOST_OFF, e.getValue() ? null : Boolean.TRUE);
                run();
            }
        });
        var sortLine = new HorizontalLayout(summary, sort, saveSearch);
        sortLine.setWrap(true);
        var resultSection = new Section(mode, sortLine, boost, results,
                new HorizontalLayout(previous, next));
        resultSection.addClassName("search-results");
        resultSection.getElement().setAttribute("aria-label", getTranslation("search.resultsLabel"));
        var body = new Div(filters, resultSection);
        body.addClassName("search-body");
        add(new H1(getTranslation("search.heading")), new Paragraph(getTranslation("search.intro")),
                new Div(text, suggestions), body);
    }

    private void configure() {
        text.setLabel(getTranslation("search.text"));
        text.setPlaceholder(getTranslation("search.text.placeholder"));
        text.setClearButtonVisible(true);
        text.setMaxLength(no.alisportalen.search.SearchQuery.MAX_TEXT);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(350);
        text.setWidthFull();
        text.setId("search-text");
        text.addValueChangeListener(e -> {
            if (!updating) {
                showSuggestions(e.getValue());
            }
            changed();
        });
        suggestions.addClassName("search-suggestions");
        suggestions.getElement().setAttribute("role", "status");
        suggestions.getElement().setAttribute("aria-live", "polite");
        suggestions.getElement().setAttribute("aria-label", getTranslation("search.suggestions"));

        municipality.setLabel(getTranslation("search.municipality"));
        nearMunicipality.setLabel(getTranslation("search.nearMunicipality"));
        for (var box : List.of(municipality, nearMunicipality)) {
            box.setItems(municipalities.byName());
            box.setItemLabelGenerator(Municipality::name);
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> changed());
        }
        maxListLength.setLabel(getTranslation("search.maxListLength"));
        maxListLength.setStep(100);
        minSalary.setLabel(getTranslation("search.minSalary"));
        minSalary.setStep(50_000);
        minYearlyValue.setLabel(getTranslation("search.minYearlyValue"));
        minYearlyValue.setStep(50_000);
        minOnCallRotation.setLabel(getTranslation("search.minOnCallRotation"));
        radiusKm.setLabel(getTranslation("search.radiusKm"));
        radiusKm.setMin(1);
        radiusKm.setMax(3000);
        for (var field : List.of(maxListLength, minSalary, minYearlyValue, minOnCallRotation, radiusKm)) {
            field.setMin(field == radiusKm ? 1 : 0);
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> changed());
        }
        alisAgreement.setLabel(getTranslation("search.alisAgreement"));
        recruitmentWeak.setLabel(getTranslation("search.recruitmentWeak"));
        supervisorOnSite.setLabel(getTranslation("search.supervisorOnSite"));
        for (var box : List.of(alisAgreement, recruitmentWeak, supervisorOnSite)) {
            box.addValueChangeListener(e -> changed());
        }
        region.setId("facet-region");
        employmentForm.setId("facet-employmentForm");
        for (var group : List.of(region, county, employmentForm, setting, incentive, introductionAgreement, centrality)) {
            group.addValueChangeListener(e -> changed());
        }
        region.setItemLabelGenerator(v -> getTranslation("region." + v));
        county.setItemLabelGenerator(v -> municipalities.counties().stream().filter(c -> c.number().equals(v))
                .map(c -> c.name()).findFirst().orElse(v));
        employmentForm.setItemLabelGenerator(v -> getTranslation("employmentForm." + v));
        setting.setItemLabelGenerator(v -> getTranslation("setting." + v));
        incentive.setItemLabelGenerator(v -> getTranslation("incentive." + v));
        introductionAgreement.setItemLabelGenerator(v -> getTranslation("true".equals(v) ? "search.yes" : "search.no"));
        centrality.setItemLabelGenerator(v -> getTranslation("search.centrality", v));

        sort.setLabel(getTranslation("search.sort"));
        sort.setItems(SearchSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("search.sort." + s.name()));
        sort.addValueChangeListener(e -> changed());
        previous.setText(getTranslation("search.previous"));
        next.setText(getTranslation("search.next"));
        previous.addClickListener(e -> go(query.withPage(query.page() - 1, PAGE_SIZE)));
        next.addClickListener(e -> go(query.withPage(query.page() + 1, PAGE_SIZE)));
        summary.setId("search-summary");
        mode.setLabel(getTranslation("search.mode"));
        mode.setItems(LIST, MAP);
        mode.setItemLabelGenerator(m -> getTranslation(m.equals(MAP) ? "search.mode.map" : "search.mode.list"));
        mode.setValue(LIST);
        mode.setId("search-mode");
        mode.addValueChangeListener(e -> {
            if (!updating) {
                go(query);
            }
        });
        summary.getElement().setAttribute("role", "status");
    }

    private Component facet(String labelKey, CheckboxGroup<String> group) {
        group.setLabel(getTranslation(labelKey));
        group.addClassName("facet");
        return group;
    }

    private Button clearButton() {
        var clear = new Button(getTranslation("search.clear"), e -> go(SearchQuery.all().withPage(0, PAGE_SIZE)));
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        return clear;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        query = SearchParameters.parse(event.getLocation().getQueryParameters().getParameters(), municipalities,
                PAGE_SIZE);
        var near = event.getLocation().getQueryParameters().getSingleParameter("nearMunicipality").orElse(null);
        var parameters = new java.util.LinkedHashMap<>(SearchParameters.toParameters(query.withPage(0, PAGE_SIZE),
                near));
        parameters.put("lagre", List.of("sok"));
        saveSearch.setHref("lagrede-sok?" + new QueryParameters(parameters).getQueryString());
        updating = true;
        try {
            text.setValue(query.text() == null ? "" : query.text());
            municipality.setValue(query.municipalities().isEmpty() ? null
                    : municipalities.find(query.municipalities().getFirst()).orElse(null));
            nearMunicipality.setValue(near == null || query.centre() == null ? null
                    : municipalities.find(near).orElse(null));
            radiusKm.setValue(query.radiusKm() == null ? null : query.radiusKm().intValue());
            maxListLength.setValue(query.maxListLength());
            minSalary.setValue(query.minSalary());
            minYearlyValue.setValue(query.minYearlyValue());
            minOnCallRotation.setValue(query.minOnCallRotation());
            alisAgreement.setValue(Boolean.TRUE.equals(query.alisAgreement()));
            recruitmentWeak.setValue(Boolean.TRUE.equals(query.recruitmentWeak()));
            supervisorOnSite.setValue(Boolean.TRUE.equals(query.supervisorOnSite()));
            sort.setValue(query.sort());
            boost.setValue(!boostOff());
            boost.setVisible(query.sort() == SearchSort.RELEVANCE);
            var map = event.getLocation().getQueryParameters().getSingleParameter(MODE).map("kart"::equals)
                    .orElse(false);
            mode.setValue(map ? MAP : LIST);
            run();
        } finally {
            updating = false;
        }
    }

    private void run() {
        try {
            var result = search.search(query, !boostOff());
            render(result);
            if (MAP.equals(mode.getValue())) {
                renderMap(result.total());
            } else {
                exposure.impressions(result.items().stream().map(h -> h.position().id()).toList());
            }
        } catch (ServiceUnavailableException e) {
            results.removeAll();
            var unavailable = new Paragraph(getTranslation("search.unavailable"));
            unavailable.addClassName("status-notice");
            results.add(unavailable);
            summary.setText("");
            previous.setVisible(false);
            next.setVisible(false);
        }
    }

    private static boolean boostOff() {
        var session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(BOOST_OFF));
    }

    private void render(SearchResult result) {
        setFacet(region, result.facets().get("region"), query.regions().stream().map(Enum::name).toList());
        setFacet(county, result.facets().get("county"), query.counties());
        setFacet(employmentForm, result.facets().get("employmentForm"),
                query.employmentForms().stream().map(Enum::name).toList());
        setFacet(setting, result.facets().get("setting"), query.settings().stream().map(Enum::name).toList());
        setFacet(incentive, result.facets().get("incentive"), query.incentives().stream().map(Enum::name).toList());
        setFacet(introductionAgreement, result.facets().get("introductionAgreement"),
                query.introductionAgreement() == null ? List.of() : List.of(query.introductionAgreement().toString()));
        setFacet(centrality, result.facets().get("centrality"),
                query.centralities().stream().map(String::valueOf).toList());

        summary.setText(getTranslation(result.totalCapped() ? "search.results.over" : "search.results",
                result.total()));
        results.removeAll();
        if (result.items().isEmpty()) {
            results.add(new Paragraph(getTranslation("search.noResults")));
        }
        result.items().forEach(hit -> results.add(card(hit)));
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        previous.setVisible(query.page() > 0);
        next.setVisible(query.page() + 1 < pages && (query.page() + 2L) * PAGE_SIZE <= SearchQuery.MAX_WINDOW);
        next.setTooltipText(getTranslation("search.pageOf", query.page() + 1, pages));
    }

    private void renderMap(long total) {
        results.removeAll();
        previous.setVisible(false);
        next.setVisible(false);
        var counts = search.countsByMunicipality(query);
        var near = nearMunicipality.getValue();
        var map = NorwayMap.render(municipalities.all(), counts, getTranslation("search.map.label", total),
                m -> "stillinger?" + new QueryParameters(SearchParameters.toParameters(
                        withMunicipality(m.number()), near == null ? null : near.number())).getQueryString(),
                (m, count) -> getTranslation("search.map.marker", m.name(), count));
        var note = new Paragraph(getTranslation("search.map.note"));
        note.addClassName("help-text");
        var wrapper = new Div(map, note);
        wrapper.addClassName("map-wrapper");
        results.add(wrapper);
    }

    private SearchQuery withMunicipality(String number) {
        return new SearchQuery(query.text(), query.regions(), query.counties(), List.of(number),
                query.employmentForms(), query.settings(), query.maxListLength(), query.minSalary(),
                query.introductionAgreement(), query.alisAgreement(), query.recruitmentWeak(),
                query.supervisorOnSite(), query.minOnCallRotation(), query.incentives(), query.centralities(),
                query.centre(), query.radiusKm(), query.sort(), 0, PAGE_SIZE, query.minYearlyValue());
    }

    /** Facet values with counts; selected values stay visible even when no position has them any more. */
    private void setFacet(CheckboxGroup<String> group, @Nullable List<FacetValue> values, List<String> selected) {
        Map<String, Long> counts = new java.util.HashMap<>();
        Set<String> items = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(v -> {
                counts.put(v.value(), v.count());
                items.add(v.value());
            });
        }
        items.addAll(selected);
        Function<String, String> label = labelOf(group);
        group.setItems(new ArrayList<>(items));
        group.setItemLabelGenerator(v -> getTranslation("search.facetLabel", label.apply(v), counts.getOrDefault(v, 0L)));
        group.setValue(Set.copyOf(selected));
        group.setVisible(!items.isEmpty());
    }

    private Function<String, String> labelOf(CheckboxGroup<String> group) {
        if (group == region) {
            return v -> getTranslation("region." + v);
        } else if (group == county) {
            return v -> municipalities.counties().stream().filter(c -> c.number().equals(v)).map(c -> c.name())
                    .findFirst().orElse(v);
        } else if (group == employmentForm) {
            return v -> getTranslation("employmentForm." + v);
        } else if (group == setting) {
            return v -> getTranslation("setting." + v);
        } else if (group == incentive) {
            return v -> getTranslation("incentive." + v);
        } else if (group == introductionAgreement) {
            return v -> getTranslation("true".equals(v) ? "search.yes" : "search.no");
        }
        return v -> getTranslation("search.centrality", v);
    }

    private Component card(SearchHit hit) {
        var p = hit.position();
        var d = p.data();
        var titleHtml = hit.highlight().getOrDefault("title", List.of()).stream().findFirst().orElse(null);
        var link = new Anchor("stilling/" + p.id().value());
        if (titleHtml != null) {
            // Highlights come HTML-encoded from Elasticsearch (encoder=html) with only <em> added.
            link.add(new Html("<span>" + titleHtml + "</span>"));
        } else {
            link.setText(d.title());
        }
        var heading = new H2(link);
        var where = new Paragraph(p.municipalityName() + ", " + p.countyName() + " · "
                + getTranslation("setting." + (d.setting() == null ? WorkSetting.OTHER : d.setting()).name()));
        where.addClassName("card-where");
        List<String> facts = new ArrayList<>();
        facts.add(d.employmentForm() == EmploymentForm.SALARIED
                ? getTranslation("page.salaried") + (d.annualSalaryNok() == null ? ""
                        : " – " + getTranslation("page.salary", d.annualSalaryNok()))
                : getTranslation("page.selfEmployed"));
        facts.add(d.listLength() == null ? getTranslation("page.noList") : getTranslation("page.listLength", d.listLength()));
        facts.add(d.onCallRotation() == null ? getTranslation("search.card.noOnCall")
                : getTranslation("page.onCallRotation", d.onCallRotation()));
        if (d.supervisionHoursPerMonth() != null) {
            facts.add(getTranslation("search.card.supervision", d.supervisionHoursPerMonth()));
        }
        if (d.totalIncentivesNok() > 0) {
            facts.add(getTranslation("search.card.incentives", d.totalIncentivesNok()));
        }
        facts.add(getTranslation(d.employmentForm() == EmploymentForm.SELF_EMPLOYED ? "search.card.valueGuaranteed"
                : "search.card.value", no.alisportalen.base.ui.Money.nok(d.yearlyValue(), getLocale())));
        if (d.applicationDeadline() != null) {
            facts.add(getTranslation("search.card.deadline", d.applicationDeadline()
                    .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()))));
        }
        if (hit.distanceKm() != null) {
            facts.add(getTranslation("search.card.distance", Math.round(hit.distanceKm())));
        }
        var factLine = new Div();
        factLine.addClassName("card-facts");
        facts.forEach(f -> factLine.add(new Span(f)));
        var card = new Section(heading, where, factLine);
        if (hit.needsApplicants()) {
            card.add(NeedLabel.of(this, hit.needReasons()));
        }
        hit.highlight().getOrDefault("descriptionText", List.of()).stream().findFirst()
                .ifPresent(fragment -> card.add(new Html("<p class=\"card-snippet\">" + fragment + "</p>")));
        card.addClassName("result-card");
        return card;
    }

    private void showSuggestions(String value) {
        suggestions.removeAll();
        if (value == null || value.strip().length() < 2) {
            return;
        }
        for (var suggestion : search.suggest(value)) {
            if (suggestion.equalsIgnoreCase(value.strip())) {
                continue;
            }
            var chip = new Button(suggestion, e -> text.setValue(suggestion));
            chip.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            suggestions.add(chip);
        }
    }

    /** Any filter changed: a new URL (new history entry), which runs the search through beforeEnter. */
    private void changed() {
        if (updating) {
            return;
        }
        var near = nearMunicipality.getValue();
        var next = new SearchQuery(text.getValue(), values(region, Region::valueOf), List.copyOf(county.getValue()),
                municipality.getValue() == null ? List.of() : List.of(municipality.getValue().number()),
                values(employmentForm, EmploymentForm::valueOf), values(setting, WorkSetting::valueOf),
                maxListLength.getValue(), minSalary.getValue(),
                introductionAgreement.getValue().size() == 1 ? Boolean.valueOf(introductionAgreement.getValue().iterator().next()) : null,
                alisAgreement.getValue() ? Boolean.TRUE : null, recruitmentWeak.getValue() ? Boolean.TRUE : null,
                supervisorOnSite.getValue() ? Boolean.TRUE : null, minOnCallRotation.getValue(),
                values(incentive, IncentiveType::valueOf), values(centrality, Integer::valueOf),
                near == null ? null : near.location(), near == null || radiusKm.getValue() == null ? null
                        : radiusKm.getValue().doubleValue(),
                sort.getValue() == SearchSort.DISTANCE && near == null ? SearchSort.RELEVANCE
                        : sort.getValue() == null ? SearchSort.RELEVANCE : sort.getValue(), 0, PAGE_SIZE,
                minYearlyValue.getValue());
        go(next);
    }

    private void go(SearchQuery next) {
        var near = nearMunicipality.getValue();
        var parameters = new java.util.LinkedHashMap<>(SearchParameters.toParameters(next,
                near == null ? null : near.number()));
        if (MAP.equals(mode.getValue())) {
            parameters.put(MODE, List.of("kart"));
        }
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, new QueryParameters(parameters)));
    }

    private static <T> List<T> values(CheckboxGroup<String> group, Function<String, T> parser) {
        return group.getValue().stream().map(parser).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.heading") + " | " + getTranslation("app.name");
    }
}
