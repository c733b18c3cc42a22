package no.alisportalen.position.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import no.alisportalen.account.Role;
import no.alisportalen.position.ExposureCounts;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionService;

/** "Mine stillinger": the municipality's positions in every status, with deadline and application count. */
@Route("kommune/stillinger")
@Menu(order = 20, title = "nav.myPositions", icon = "vaadin:briefcase")
@RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
final class MyPositionsView extends Main implements HasDynamicTitle {

    final Grid<Position> grid = new Grid<>();
    final Button create = new Button();
    final com.vaadin.flow.component.grid.Grid.Column<Position> municipality;

    private static final ExposureCounts.Totals NONE = new ExposureCounts.Totals(0, 0, 0);
    private final org.springframework.beans.factory.ObjectProvider<ExposureCounts> exposure;
    private Map<no.alisportalen.position.PositionId, ExposureCounts.Totals> seen = Map.of();

    MyPositionsView(PositionService positions, org.springframework.beans.factory.ObjectProvider<ExposureCounts> exposure) {
        this.exposure = exposure;
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        create.setText(getTranslation("mine.new"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PositionFormView.class)));

        // A base width, so long words ("næringsdrift") are not cut when the other columns take their room.
        grid.addColumn(p -> p.data().title()).setHeader(getTranslation("mine.title")).setWidth("13em").setFlexGrow(3)
                .setSortable(true);
        municipality = grid.addColumn(Position::municipalityName).setHeader(getTranslation("mine.municipality"))
                .setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(p -> badge(p)).setHeader(getTranslation("mine.status")).setAutoWidth(true);
        grid.addColumn(p -> p.data().applicationDeadline() == null ? "" : dates.format(p.data().applicationDeadline()))
                .setHeader(getTranslation("mine.deadline")).setAutoWidth(true)
                .setComparator(p -> p.data().applicationDeadline() == null ? java.time.LocalDate.MAX
                        : p.data().applicationDeadline());
        // Wide enough for the header and its sort arrow in both languages (auto width measured only the digits).
        grid.addComponentColumn(this::applications).setHeader(getTranslation("mine.applications")).setWidth("9.5em")
                .setFlexGrow(0)
                .setComparator(p -> p.applicationCount() == null ? 0 : p.applicationCount());
        grid.addComponentColumn(this::funnel).setHeader(getTranslation("mine.funnel")).setAutoWidth(true)
                .setComparator(p -> seen.getOrDefault(p.id(), NONE).impressions());
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        // Titles are long ("ALIS i næringsdrift, Bodø legesenter"): they wrap instead of ending in "…".
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(getTranslation("mine.list"));
        var items = positions.mine();
        seen = exposure.getIfAvailable() == null ? Map.of()
                : exposure.getObject().totalsFor(items.stream().map(Position::id).toList());
        grid.setItems(items);
        grid.setEmptyStateText(getTranslation("mine.empty"));
        // A municipality's own list names one municipality in every row: the column only says something for
        // users acting for several (an administrator, an inter-municipal office).
        municipality.setVisible(items.stream().map(Position::municipalityName).distinct().count() > 1);
        // As tall as the window allows (the default 400 px showed four positions above an empty half page).
        grid.setMinHeight("22rem");
        grid.setHeight("calc(100vh - 17rem)");

        add(new H1(getTranslation("mine.heading")), new Paragraph(getTranslation("mine.intro")), create, grid);
    }

    private Span badge(Position position) {
        var badge = new Span(getTranslation("status." + position.status().name()));
        badge.getElement().getThemeList().add("badge");
        badge.addClassName("status-" + position.status().name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    /** Shown → opened → apply clicks since publication, linking to the weekly funnel on the recruitment page. */
    private Component funnel(Position position) {
        if (position.status() == no.alisportalen.position.PositionStatus.DRAFT) {
            return new Span("–");
        }
        var t = seen.getOrDefault(position.id(), NONE);
        // The visible figures begin the link's name, the words for them follow unseen (WCAG 2.5.3: a speech user
        // says what they see).
        var link = new Anchor("stilling/" + position.id().value() + "/rekruttering",
                getTranslation("mine.funnel.value", t.impressions(), t.views(), t.applyClicks()));
        link.add(unseen(getTranslation("mine.funnel.link", t.impressions(), t.views(), t.applyClicks(),
                position.data().title())));
        return link;
    }

    /** The exact count, linking to the position's applications (the applications feature's page). */
    private Anchor applications(Position position) {
        int count = position.applicationCount() == null ? 0 : position.applicationCount();
        var link = new Anchor("kommune/stilling/" + position.id().value() + "/soknader", Integer.toString(count));
        link.add(unseen(getTranslation("mine.applications.link", count, position.data().title())));
        return link;
    }

    /** Text for screen readers only, after a short visible text it explains. */
    private static Span unseen(String text) {
        var span = new Span(" " + text);
        span.addClassName("visually-hidden");
        return span;
    }

    private HorizontalLayout actions(Position position) {
        var edit = new Button(getTranslation("mine.edit"), e -> getUI().ifPresent(ui -> ui.navigate(
                PositionFormView.class, QueryParameters.simple(Map.of("id", position.id().value())))));
        edit.addThemeVariants(ButtonVariant.SMALL);
        edit.getElement().setAttribute("aria-label", getTranslation("mine.edit") + ": " + position.data().title());
        var copy = new Button(getTranslation("mine.duplicate"), e -> getUI().ifPresent(ui -> ui.navigate(
                PositionFormView.class, QueryParameters.simple(Map.of("kopi", position.id().value())))));
        copy.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        copy.getElement().setAttribute("aria-label", getTranslation("mine.duplicate") + ": " + position.data().title());
        if (position.status() == no.alisportalen.position.PositionStatus.DRAFT) {
            return new HorizontalLayout(edit, copy);
        }
        // The monitoring feature's page: who could apply, and what would widen the pool.
        var pool = new Anchor("stilling/" + position.id().value() + "/rekruttering", getTranslation("mine.pool"));
        pool.getElement().setAttribute("aria-label", getTranslation("mine.pool") + ": " + position.data().title());
        return new HorizontalLayout(edit, copy, pool);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mine.heading") + " | " + getTranslation("app.name");
    }
}
