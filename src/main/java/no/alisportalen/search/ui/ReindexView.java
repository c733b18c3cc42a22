package no.alisportalen.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import no.alisportalen.account.Role;
import no.alisportalen.search.PositionSearchService;
import no.alisportalen.search.ReindexStatus;

/** Administrators rebuild the search index from MongoDB and watch its progress; searches keep working. */
@Route("admin/sokeindeks")
@Menu(order = 85, title = "nav.reindex", icon = "vaadin:refresh")
@RolesAllowed(Role.Names.ADMIN)
final class ReindexView extends Main implements HasDynamicTitle {

    final Button start = new Button();
    final ProgressBar progress = new ProgressBar(0, 100);
    final Paragraph status = new Paragraph();

    private final PositionSearchService search;

    ReindexView(PositionSearchService search) {
        this.search = search;
        start.setText(getTranslation("reindex.start"));
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(e -> show(search.reindex()));
        progress.getElement().setAttribute("aria-label", getTranslation("reindex.progress"));
        status.getElement().setAttribute("role", "status");
        add(new H1(getTranslation("reindex.heading")), new Paragraph(getTranslation("reindex.intro")), start, progress,
                status);
        show(search.reindexStatus());
    }

    void show(ReindexStatus s) {
        progress.setValue(s.percent());
        start.setEnabled(!s.running());
        status.setText(s.error() != null ? getTranslation("reindex.failed", s.error())
                : s.running() ? getTranslation("reindex.running", s.done(), s.total())
                : s.finishedAt() != null ? getTranslation("reindex.done", s.done(), s.index())
                : getTranslation("reindex.idle"));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Polling keeps the bar moving while a rebuild runs in the background.
        event.getUI().setPollInterval(1000);
        event.getUI().addPollListener(e -> show(search.reindexStatus()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reindex.heading") + " | " + getTranslation("app.name");
    }
}
