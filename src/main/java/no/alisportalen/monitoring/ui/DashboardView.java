package no.alisportalen.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.monitoring.MunicipalityStats;
import no.alisportalen.monitoring.PositionStats;
import no.alisportalen.monitoring.StatsService;
import no.alisportalen.monitoring.Summary;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.position.WorkSetting;
import org.jspecify.annotations.Nullable;

/**
 * The ALIS office's dashboard: key figures, four charts, the positions and municipalities tables (sortable,
 * filterable, exportable as CSV with the filters applied) and a drill-down to each position's what-if.
 */
@Route("alis-kontor")
@Menu(order = 25, title = "nav.dashboard", icon = "vaadin:chart")
@RolesAllowed({Role.Names.ALIS_OFFICE, Role.Names.ADMIN})
final class DashboardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final StatsService stats;
    private final MunicipalityService municipalities;
    final Select<Optional<Region>> region = new Select<>();
    final Div figures = new Div();
    final Div charts = new Div();
    /** What the region's positions cost the national ALIS scheme, per year, against the budget. */
    final Div schemeCost = new Div();
    final Grid<PositionStats> positions = new Grid<>();
    final Grid<MunicipalityStats> perMunicipality = new Grid<>();
    final TextField filter = new TextField();
    final Select<Optional<PositionStatus>> status = new Select<>();
    final Checkbox withoutApplications = new Checkbox();
    final Anchor positionsCsv = new Anchor();
    final Anchor municipalitiesCsv = new Anchor();
    private List<PositionStats> all = List.of();
    private Summary summary;
    private boolean updating;

    /** The portal-wide switch of the recruitment boost (admins only). */
    final Checkbox recruitmentBoost = new Checkbox();

    private final no.alisportalen.application.ApplicantListService lists;
    private java.util.Map<no.alisportalen.position.PositionId, no.alisportalen.application.ApplicantListService.Standing>
            standings = java.util.Map.of();

    DashboardView(StatsService stats, MunicipalityService municipalities,
            no.alisportalen.exposure.RecruitmentBoost boost, no.alisportalen.application.ApplicantListService lists) {
        this.lists = lists;
        this.stats = stats;
        this.municipalities = municipalities;
        addClassName("dashboard");
        boolean admin = PortalUser.current().map(u -> u.role() == Role.ADMIN).orElse(false);
        recruitmentBoost.setLabel(getTranslation("dashboard.recruitmentBoost"));
        recruitmentBoost.setHelperText(getTranslation("dashboard.recruitmentBoost.help", boost.matchMargin()));
        recruitmentBoost.setId("portal-recruitment-boost");
        recruitmentBoost.setVisible(admin);
        if (admin) {
            recruitmentBoost.setValue(boost.enabled());
            recruitmentBoost.addValueChangeListener(e -> boost.setEnabled(e.getValue()));
        }
        region.setLabel(getTranslation("dashboard.region"));
        var choices = new ArrayList<Optional<Region>>();
        choices.add(Optional.empty());
        for (var r : Region.values()) {
            choices.add(Optional.of(r));
        }
        region.setItems(choices);
        region.setItemLabelGenerator(r -> r.map(x -> getTranslation("region." + x.name()))
                .orElse(getTranslation("dashboard.country")));
        region.setVisible(admin);
        region.addValueChangeListener(e -> {
            if (!updating) {
                getUI().ifPresent(ui -> ui.navigate(DashboardView.class, e.getValue()
                        .map(r -> QueryParameters.of("region", r.name())).orElse(QueryParameters.empty())));
            }
        });
        figures.setId("key-figures");
        figures.addClassName("key-figures");
        charts.setId("charts");
        charts.addClassName("charts");
        configurePositions();
        configureMunicipalities();
        add(new H1(getTranslation("dashboard.heading")), new Paragraph(getTranslation("dashboard.intro")), region,
                recruitmentBoost,
                figures, charts, schemeCost,
                new Section(new H2(getTranslation("dashboard.positions")), new Div(filter, status,
                        withoutApplications, positionsCsv), positions),
                new Section(new H2(getTranslation("dashboard.municipalities")), new Paragraph(municipalitiesCsv),
                        perMunicipality));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var requested = event.getLocation().getQueryParameters().getSingleParameter("region").flatMap(r -> {
            try {
                return Optional.of(Region.valueOf(r));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
        var figures = stats.figures(requested);
        updating = true;
        region.setValue(Optional.ofNullable(figures.region()));
        updating = false;
        all = figures.positions();
        summary = stats.summarize(figures);
        renderFigures(summary);
        renderCharts(StatsService.perWeek(figures.facts()), all, summary);
        renderSchemeCost(stats.schemeCost(figures));
        applyFilter();
        perMunicipality.setItems(summary.municipalities());
        municipalitiesCsv.setHref(csv("kommuner.csv", () -> StatsService.municipalitiesCsv(summary.municipalities(),
                c -> getTranslation("stats.column." + c))));
    }

    private void configurePositions() {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        positions.addColumn(PositionStats::municipalityName).setHeader(getTranslation("stats.column.municipalityName"))
                .setSortable(true).setAutoWidth(true);
        positions.addComponentColumn(s -> new Anchor("stilling/" + s.positionId().value() + "/rekruttering", s.title()))
                .setHeader(getTranslation("stats.column.title")).setFlexGrow(3)
                .setComparator(Comparator.comparing(PositionStats::title));
        positions.addColumn(s -> s.employmentForm() == null ? "" : getTranslation("employmentForm." + s.employmentForm()))
                .setHeader(getTranslation("stats.column.employmentForm")).setSortable(true).setAutoWidth(true);
        positions.addColumn(s -> s.setting() == null ? "" : getTranslation("setting." + s.setting()))
                .setHeader(getTranslation("stats.column.setting")).setSortable(true).setAutoWidth(true);
        positions.addColumn(s -> s.listLength() == null ? "–" : s.listLength().toString())
                .setHeader(getTranslation("stats.column.listLength")).setAutoWidth(true)
                .setComparator(s -> s.listLength() == null ? 0 : s.listLength());
        positions.addColumn(PositionStats::incentivesTotalNok).setHeader(getTranslation("stats.column.incentivesTotalNok"))
                .setSortable(true).setAutoWidth(true);
        positions.addColumn(s -> s.applicationDeadline() == null ? "" : dates.format(s.applicationDeadline()))
                .setHeader(getTranslation("stats.column.applicationDeadline")).setAutoWidth(true)
                .setComparator(s -> s.applicationDeadline() == null ? LocalDate.MAX : s.applicationDeadline());
        positions.addColumn(PositionStats::daysOpen).setHeader(getTranslation("stats.column.daysOpen"))
                .setSortable(true).setAutoWidth(true);
        positions.addColumn(PositionStats::applicationCount).setHeader(getTranslation("stats.column.applicationCount"))
                .setSortable(true).setAutoWidth(true);
        positions.addColumn(PositionStats::matchingApplicants)
                .setHeader(getTranslation("stats.column.matchingApplicants")).setSortable(true).setAutoWidth(true);
        exposureColumns(positions, PositionStats::impressions, PositionStats::views, PositionStats::applyClicks);
        positions.addColumn(s -> getTranslation("status." + s.status().name()))
                .setHeader(getTranslation("stats.column.status")).setSortable(true).setAutoWidth(true);
        positions.addColumn(s -> listStanding(s.positionId())).setHeader(getTranslation("stats.column.applicantList"))
                .setSortable(true).setAutoWidth(true);
        positions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        positions.setAriaLabel(getTranslation("dashboard.positions"));
        positions.setEmptyStateText(getTranslation("dashboard.empty"));
        positions.setId("stats-positions");
        filter.setLabel(getTranslation("dashboard.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> applyFilter());
        status.setLabel(getTranslation("stats.column.status"));
        var statuses = new ArrayList<Optional<PositionStatus>>();
        statuses.add(Optional.empty());
        List.of(PositionStatus.PUBLISHED, PositionStatus.CLOSED, PositionStatus.FILLED)
                .forEach(s -> statuses.add(Optional.of(s)));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.map(x -> getTranslation("status." + x.name()))
                .orElse(getTranslation("dashboard.allStatuses")));
        status.setValue(Optional.of(PositionStatus.PUBLISHED));
        status.addValueChangeListener(e -> applyFilter());
        withoutApplications.setLabel(getTranslation("dashboard.withoutApplications"));
        withoutApplications.addValueChangeListener(e -> applyFilter());
        positionsCsv.setText(getTranslation("dashboard.csv"));
        positionsCsv.setId("positions-csv");
        municipalitiesCsv.setText(getTranslation("dashboard.csv"));
        municipalitiesCsv.setId("municipalities-csv");
    }

    /** Shown, opened, apply clicks: the same three sortable columns in both tables. */
    private <T> void exposureColumns(Grid<T> grid, com.vaadin.flow.function.ValueProvider<T, Long> impressions,
            com.vaadin.flow.function.ValueProvider<T, Long> views,
            com.vaadin.flow.function.ValueProvider<T, Long> applyClicks) {
        grid.addColumn(impressions).setHeader(getTranslation("stats.column.impressions")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(views).setHeader(getTranslation("stats.column.views")).setSortable(true).setAutoWidth(true);
        grid.addColumn(applyClicks).setHeader(getTranslation("stats.column.applyClicks")).setSortable(true)
                .setAutoWidth(true);
    }

    private void configureMunicipalities() {
        perMunicipality.addColumn(MunicipalityStats::municipalityName)
                .setHeader(getTranslation("stats.column.municipalityName")).setSortable(true).setAutoWidth(true);
        perMunicipality.addColumn(MunicipalityStats::centrality).setHeader(getTranslation("stats.column.centrality"))
                .setSortable(true).setAutoWidth(true);
        perMunicipality.addColumn(m -> getTranslation(m.recruitmentWeak() ? "page.yes" : "page.no"))
                .setHeader(getTranslation("stats.column.recruitmentWeak")).setSortable(true).setAutoWidth(true);
        perMunicipality.addColumn(MunicipalityStats::publishedPositions)
                .setHeader(getTranslation("stats.column.publishedPositions")).setSortable(true).setAutoWidth(true);
        perMunicipality.addColumn(MunicipalityStats::positionsWithZeroApplications)
                .setHeader(getTranslation("stats.column.positionsWithZeroApplications")).setSortable(true)
                .setAutoWidth(true);
        perMunicipality.addColumn(MunicipalityStats::applications).setHeader(getTranslation("stats.column.applications"))
                .setSortable(true).setAutoWidth(true);
        perMunicipality.addColumn(MunicipalityStats::matchingApplicants)
                .setHeader(getTranslation("stats.column.matchingApplicants")).setSortable(true).setAutoWidth(true);
        exposureColumns(perMunicipality, MunicipalityStats::impressions, MunicipalityStats::views,
                MunicipalityStats::applyClicks);
        perMunicipality.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        perMunicipality.setAriaLabel(getTranslation("dashboard.municipalities"));
        perMunicipality.setId("stats-municipalities");
    }

    /** The rows the table shows, which is also what its CSV contains. */
    List<PositionStats> filtered() {
        var text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        var wanted = status.getValue() == null ? Optional.<PositionStatus>empty() : status.getValue();
        return all.stream()
                .filter(s -> text.isEmpty() || s.title().toLowerCase(Locale.ROOT).contains(text)
                        || s.municipalityName().toLowerCase(Locale.ROOT).contains(text))
                .filter(s -> wanted.isEmpty() || s.status() == wanted.get())
                .filter(s -> !withoutApplications.getValue() || s.applicationCount() == 0).toList();
    }

    /** The applicant list's state; undecided requests flagged once the period has ended (they hold it back). */
    String listStanding(no.alisportalen.position.PositionId id) {
        var standing = standings.get(id);
        if (standing == null) {
            return "";
        }
        var state = getTranslation("applicantList.state." + standing.status());
        return standing.undecided() > 0 ? state + " – " + getTranslation("applicantList.undecided",
                standing.undecided()) : state;
    }

    private void applyFilter() {
        var rows = filtered();
        standings = lists.standings(rows.stream().map(PositionStats::positionId).toList());
        positions.setItems(rows);
        positionsCsv.setHref(csv("stillinger.csv", () -> StatsService.positionsCsv(rows,
                c -> getTranslation("stats.column." + c))));
    }

    private DownloadHandler csv(String name, Supplier<String> content) {
        return DownloadHandler.fromInputStream(event -> {
            var bytes = content.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, "text/csv; charset=UTF-8",
                    bytes.length);
        });
    }

    private void renderFigures(Summary s) {
        figures.removeAll();
        figures.add(figure("dashboard.figure.published", s.publishedPositions()),
                figure("dashboard.figure.applications", s.applications()),
                figure("dashboard.figure.zero", s.positionsWithZeroApplications()),
                figure("dashboard.figure.closingSoon", s.closingSoonWithFewApplications()),
                figure("dashboard.figure.medianDays", Math.round(s.medianDaysOpen())),
                figure("dashboard.figure.salaried", s.salariedPositions() + " / " + s.selfEmployedPositions()));
    }

    private Div figure(String key, Object value) {
        var number = new Span(String.valueOf(value));
        number.addClassName("figure-value");
        var label = new Span(getTranslation(key));
        label.addClassName("figure-label");
        var figure = new Div(number, label);
        figure.addClassName("figure");
        return figure;
    }

    private void renderCharts(Map<LocalDate, Long> perWeek, List<PositionStats> rows, Summary s) {
        charts.removeAll();
        var noData = getTranslation("dashboard.chart.noData");
        var busiest = perWeek.entrySet().stream().max(Map.Entry.comparingByValue());
        var weekAlt = busiest.map(b -> getTranslation("dashboard.chart.overTime.finding",
                perWeek.values().stream().mapToLong(Long::longValue).sum(),
                b.getKey().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())),
                b.getValue())).orElse(noData);
        charts.add(chart("dashboard.chart.overTime", weekAlt, Charts.weekly(noData,
                getTranslation("dashboard.figure.applications"), getTranslation("dashboard.axis.applications"),
                perWeek), table(perWeek.entrySet().stream()
                        .map(e -> List.of(e.getKey().toString(), String.valueOf(e.getValue()))).toList())));

        var published = rows.stream().filter(r -> r.status() == PositionStatus.PUBLISHED).toList();
        Map<String, Map<String, Number>> byForm = new LinkedHashMap<>();
        List<List<String>> formRows = new ArrayList<>();
        Map<String, Double> averages = new LinkedHashMap<>();
        for (var form : EmploymentForm.values()) {
            Map<String, Number> values = new LinkedHashMap<>();
            for (var setting : WorkSetting.values()) {
                var group = published.stream().filter(r -> r.employmentForm() == form && r.setting() == setting)
                        .toList();
                if (!group.isEmpty()) {
                    double average = group.stream().mapToInt(PositionStats::applicationCount).average().orElse(0);
                    values.put(getTranslation("setting." + setting), average);
                    formRows.add(List.of(getTranslation("employmentForm." + form) + ", "
                            + getTranslation("setting." + setting), String.format(getLocale(), "%.1f", average)));
                    averages.put(getTranslation("employmentForm." + form) + ", "
                            + getTranslation("setting." + setting).toLowerCase(getLocale()), average);
                }
            }
            byForm.put(getTranslation("employmentForm." + form), values);
        }
        var most = averages.entrySet().stream().max(Map.Entry.comparingByValue());
        var least = averages.entrySet().stream().min(Map.Entry.comparingByValue());
        var formAlt = most.isEmpty() ? noData : getTranslation("dashboard.chart.perPosition.finding",
                most.get().getKey(), String.format(getLocale(), "%.1f", most.get().getValue()), least.get().getKey(),
                String.format(getLocale(), "%.1f", least.get().getValue()));
        charts.add(chart("dashboard.chart.perPosition", formAlt, Charts.bars(noData,
                getTranslation("dashboard.axis.perPosition"), byForm, List.of(Charts.SALARIED, Charts.SELF_EMPLOYED)),
                table(formRows)));

        Map<String, Number> share = new TreeMap<>();
        List<List<String>> shareRows = new ArrayList<>();
        for (int c = 1; c <= 6; c++) {
            int centrality = c;
            var group = published.stream().filter(r -> r.centrality() == centrality).toList();
            if (!group.isEmpty()) {
                double percent = 100.0 * group.stream().filter(r -> r.applicationCount() == 0).count() / group.size();
                share.put(Integer.toString(c), percent);
                shareRows.add(List.of(Integer.toString(c), Math.round(percent) + " %"));
            }
        }
        var highest = share.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> e.getValue().doubleValue()));
        var lowest = share.entrySet().stream().min(java.util.Comparator.comparingDouble(e -> e.getValue().doubleValue()));
        var shareAlt = highest.isEmpty() ? noData : getTranslation("dashboard.chart.withoutApplicants.finding",
                highest.get().getKey(), Math.round(highest.get().getValue().doubleValue()), lowest.get().getKey(),
                Math.round(lowest.get().getValue().doubleValue()));
        charts.add(chart("dashboard.chart.withoutApplicants", shareAlt, Charts.bars(noData, getTranslation("dashboard.axis.percent"),
                Map.of(getTranslation("dashboard.axis.percent"), share)), table(shareRows)));

        List<double[]> bubbles = new ArrayList<>();
        List<List<String>> mapRows = new ArrayList<>();
        for (var m : s.municipalities()) {
            if (m.publishedPositions() == 0) {
                continue;
            }
            municipalities.find(m.municipalityNumber()).ifPresent(x -> {
                bubbles.add(new double[] {x.location().lon(), x.location().lat(), m.publishedPositions()});
                mapRows.add(List.of(m.municipalityName(), m.publishedPositions() + " / " + m.matchingApplicants()
                        + " / " + m.applications()));
            });
        }
        var biggest = s.municipalities().stream().filter(m -> m.publishedPositions() > 0)
                .max(java.util.Comparator.comparingLong(m -> m.publishedPositions()));
        var mapAlt = biggest.map(b -> getTranslation("dashboard.chart.map.finding", mapRows.size(),
                b.municipalityName(), b.publishedPositions())).orElse(noData);
        charts.add(chart("dashboard.chart.map", mapAlt, Charts.bubbles(noData, getTranslation("dashboard.axis.lon"),
                getTranslation("dashboard.axis.lat"), bubbles), table(mapRows)));
        renderExposure(s, noData);
    }

    /** Shown, opened and applied to per municipality: the ten most shown, and the least shown named in the text. */
    private void renderExposure(Summary s, String noData) {
        var withPositions = s.municipalities().stream().filter(m -> m.publishedPositions() > 0)
                .sorted(Comparator.comparingLong(MunicipalityStats::impressions).reversed()).toList();
        Map<String, Number> shown = new LinkedHashMap<>();
        Map<String, Number> opened = new LinkedHashMap<>();
        Map<String, Number> applied = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (var m : withPositions) {
            rows.add(List.of(m.municipalityName(), m.impressions() + " / " + m.views() + " / " + m.applications()));
            if (shown.size() < 10) {
                shown.put(m.municipalityName(), m.impressions());
                opened.put(m.municipalityName(), m.views());
                applied.put(m.municipalityName(), m.applications());
            }
        }
        Map<String, Map<String, Number>> series = new LinkedHashMap<>();
        series.put(getTranslation("stats.column.impressions"), shown);
        series.put(getTranslation("stats.column.views"), opened);
        series.put(getTranslation("stats.column.applications"), applied);
        var finding = withPositions.isEmpty() || withPositions.getFirst().impressions() == 0 ? noData
                : getTranslation("dashboard.chart.exposure.finding", withPositions.getFirst().municipalityName(),
                        withPositions.getFirst().impressions(), withPositions.getLast().municipalityName(),
                        withPositions.getLast().impressions());
        var section = chart("dashboard.chart.exposure", finding, Charts.bars(noData,
                getTranslation("dashboard.axis.count"), series.values().stream().allMatch(Map::isEmpty) ? Map.of()
                        : series, List.of(Charts.IMPRESSIONS, Charts.VIEWS, Charts.APPLICATIONS)), table(rows));
        section.setId("exposure-chart");
        charts.add(section);
    }

    /** The scheme's cost per year against the budget: a figure, and a chart per municipality (top ten). */
    private void renderSchemeCost(List<StatsService.SchemeCost> costs) {
        schemeCost.removeAll();
        schemeCost.add(new H2(getTranslation("dashboard.scheme.heading")));
        if (costs.isEmpty()) {
            schemeCost.add(new com.vaadin.flow.component.html.Paragraph(getTranslation("dashboard.scheme.none")));
            return;
        }
        for (var year : costs) {
            long percent = year.budgetNok() == 0 ? 0 : Math.round(100.0 * year.totalNok() / year.budgetNok());
            var figureText = getTranslation("dashboard.scheme.figure", year.year(),
                    no.alisportalen.base.ui.Money.nok(year.totalNok(), getLocale()),
                    no.alisportalen.base.ui.Money.nok(year.budgetNok(), getLocale()), percent,
                    no.alisportalen.base.ui.Money.nok(year.standardNok(), getLocale()),
                    no.alisportalen.base.ui.Money.nok(year.extraNok(), getLocale()));
            var figure = new com.vaadin.flow.component.html.Paragraph(figureText);
            figure.addClassName("scheme-figure");
            Map<String, Map<String, Number>> series = new LinkedHashMap<>();
            var standard = new LinkedHashMap<String, Number>();
            var extra = new LinkedHashMap<String, Number>();
            List<List<String>> rows = new ArrayList<>();
            for (var m : year.municipalities().stream().limit(10).toList()) {
                standard.put(m.municipalityName(), m.standardNok() / 1000.0);
                extra.put(m.municipalityName(), m.extraNok() / 1000.0);
            }
            for (var m : year.municipalities()) {
                rows.add(List.of(m.municipalityName(), String.valueOf(m.agreements()),
                        no.alisportalen.base.ui.Money.nok(m.standardNok(), getLocale()),
                        no.alisportalen.base.ui.Money.nok(m.extraNok(), getLocale())));
            }
            series.put(getTranslation("dashboard.scheme.standard"), standard);
            series.put(getTranslation("dashboard.scheme.extra"), extra);
            var top = year.municipalities().getFirst();
            var image = new Div(new Svg(Charts.bars(getTranslation("dashboard.chart.noData"),
                    getTranslation("dashboard.scheme.axis"), series,
                    List.of(Charts.STANDARD_ELEMENTS, Charts.EXTRA_ELEMENTS))));
            image.getElement().setAttribute("role", "img");
            image.getElement().setAttribute("aria-label", getTranslation("dashboard.scheme.alt", year.year(), percent,
                    top.municipalityName(), no.alisportalen.base.ui.Money.nok(top.totalNok(), getLocale())));
            image.addClassName("chart-image");
            var section = new Section(new com.vaadin.flow.component.html.H3(
                    getTranslation("dashboard.scheme.year", year.year())), figure, image,
                    new Details(getTranslation("dashboard.chart.numbers"), table(rows)));
            section.addClassName("chart");
            schemeCost.add(section);
        }
    }

    /** A chart as an image with a text alternative, and its numbers one click away (WCAG 1.1.1). */
    private Section chart(String key, String finding, String svg, Component numbers) {
        var image = new Div(new Svg(svg));
        image.getElement().setAttribute("role", "img");
        // What the chart is, then what it shows (WCAG 1.1.1: the finding, not only the numbers).
        image.getElement().setAttribute("aria-label", getTranslation(key + ".alt") + " " + finding);
        image.addClassName("chart-image");
        var section = new Section(new H2(getTranslation(key)), image,
                new Details(getTranslation("dashboard.chart.numbers"), numbers));
        section.addClassName("chart");
        return section;
    }

    private static Component table(List<List<String>> rows) {
        var table = new Div();
        table.addClassName("chart-numbers");
        for (var row : rows) {
            table.add(new Paragraph(String.join(": ", row)));
        }
        return table;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.heading") + " | " + getTranslation("app.name");
    }
}
