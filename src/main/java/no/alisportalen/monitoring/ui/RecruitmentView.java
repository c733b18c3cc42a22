package no.alisportalen.monitoring.ui;

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
        add(new H1(getTranslation("recruitment.heading", report.title())), pool,
                new Paragraph(getTranslation("recruitment.intro")), changes,
                new Paragraph(new Anchor("stilling/" + id, getTranslation("applications.publicPage"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recruitment.title") + (report == null ? "" : ": " + report.title()) + " | "
                + getTranslation("app.name");
    }
}
