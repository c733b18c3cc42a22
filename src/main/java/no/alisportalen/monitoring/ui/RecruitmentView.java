package no.alisportalen.monitoring.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.Svg;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.monitoring.Funnel;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import no.alisportalen.account.Role;
import no.alisportalen.monitoring.StatsService;
import no.alisportalen.monitoring.WhatIfReport;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A position's pool of possible applicants and what would widen it, largest gain first: for its municipality
 * and its ALIS office; /stilling/{id}/rekruttering.
 */
@Route("stilling/:id/rekruttering")
@RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ALIS_OFFICE, Role.Names.ADMIN})
final class RecruitmentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final StatsService stats;
    final Paragraph pool = new Paragraph();
    final OrderedList changes = new OrderedList();
    private @Nullable WhatIfReport report;

    RecruitmentView(StatsService stats) {
        this.stats = stats;
        pool.setId("pool");
        changes.setId("pool-changes");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("id").orElse("");
        try {
            report = stats.whatIf(new PositionId(id), getLocale());
        } catch (IllegalArgumentException | AccessDeniedException | no.alisportalen.base.NotFoundException e) {
            throw new NotFoundException();
        }
        removeAll();
        changes.removeAll();
        pool.setText(getTranslation("recruitment.pool", report.pool()));
        for (var change : report.changes()) {
            changes.add(new ListItem(change.gain() > 0
                    ? getTranslation("recruitment.gain", change.gain(), change.description(), change.pool())
                    : getTranslation("recruitment.noGain", change.description())));
        }
        add(new H1(getTranslation("recruitment.heading", report.title())), funnel(stats.funnel(report.positionId(),
                getLocale())), new H2(getTranslation("recruitment.pool.heading")), pool,
                new Paragraph(getTranslation("recruitment.intro")), changes,
                new Paragraph(new Anchor("stilling/" + id, getTranslation("applications.publicPage"))));
    }

    /** The funnel: hints first (what to do), then the weekly chart against positions like it, then the numbers. */
    private Section funnel(Funnel funnel) {
        var section = new Section(new H2(getTranslation("funnel.heading")));
        section.setId("funnel");
        var t = funnel.total();
        var m = funnel.peerMedianTotal();
        var totals = new Paragraph(getTranslation("funnel.totals", whole(t.impressions()), whole(t.views()),
                whole(t.applyClicks()), whole(t.applications())));
        totals.setId("funnel-totals");
        section.add(totals);
        if (funnel.peers() > 0) {
            section.add(new Paragraph(getTranslation("funnel.peers", funnel.peers(), whole(m.impressions()),
                    whole(m.views()), whole(m.applyClicks()), whole(m.applications()))));
        } else {
            section.add(new Paragraph(getTranslation("funnel.noPeers")));
        }
        var hints = new UnorderedList();
        hints.setId("funnel-hints");
        funnel.hints().forEach(h -> hints.add(new ListItem(h.text())));
        section.add(hints);
        Map<String, Map<String, Number>> series = new LinkedHashMap<>();
        Map<String, Number> own = new LinkedHashMap<>();
        Map<String, Number> peers = new LinkedHashMap<>();
        var rows = new Div();
        rows.addClassName("chart-numbers");
        for (var w : funnel.weeks()) {
            var label = getTranslation("funnel.week", w.week());
            own.put(label, w.position().impressions());
            peers.put(label, w.peerMedian().impressions());
            rows.add(new Paragraph(getTranslation("funnel.week.row", w.week(), whole(w.position().impressions()),
                    whole(w.position().views()), whole(w.position().applyClicks()),
                    whole(w.position().applications()), whole(w.peerMedian().impressions()),
                    whole(w.peerMedian().views()), whole(w.peerMedian().applications()))));
        }
        series.put(getTranslation("funnel.series.position"), own);
        if (funnel.peers() > 0) {
            series.put(getTranslation("funnel.series.peers"), peers);
        }
        var image = new Div(new Svg(Charts.bars(getTranslation("dashboard.chart.noData"),
                getTranslation("stats.column.impressions"), series, List.of(Charts.IMPRESSIONS, Charts.PEERS))));
        image.getElement().setAttribute("role", "img");
        image.getElement().setAttribute("aria-label", getTranslation("funnel.chart.alt") + " "
                + funnel.hints().getFirst().text());
        image.addClassName("chart-image");
        section.add(new H3(getTranslation("funnel.chart")), image,
                new Details(getTranslation("dashboard.chart.numbers"), rows));
        return section;
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recruitment.title") + (report == null ? "" : ": " + report.title()) + " | "
                + getTranslation("app.name");
    }
}
