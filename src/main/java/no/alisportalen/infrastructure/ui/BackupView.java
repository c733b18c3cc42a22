package no.alisportalen.infrastructure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import no.alisportalen.infrastructure.StoreBackups;

/** Administrators take a backup of the embedded store now and see the ones kept in the data folder. */
@Route("admin/sikkerhetskopi")
@Menu(order = 86, title = "nav.backups", icon = "vaadin:archive")
@RolesAllowed("ADMIN")
final class BackupView extends Main implements HasDynamicTitle {

    final Button create = new Button();
    final Grid<StoreBackups.Backup> list = new Grid<>();
    final Paragraph status = new Paragraph();

    private final StoreBackups backups;

    BackupView(StoreBackups backups) {
        this.backups = backups;
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Oslo"));
        list.addColumn(StoreBackups.Backup::name).setHeader(getTranslation("backups.name")).setAutoWidth(true);
        list.addColumn(b -> time.format(b.createdAt())).setHeader(getTranslation("backups.createdAt"));
        list.addColumn(b -> getTranslation("backups.size", Math.max(1, b.sizeBytes() / 1024)))
                .setHeader(getTranslation("backups.sizeHeader"));
        list.setAllRowsVisible(true);
        list.getElement().setAttribute("aria-label", getTranslation("backups.heading"));
        status.getElement().setAttribute("role", "status");
        create.setText(getTranslation("backups.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> {
            var backup = backups.create();
            status.setText(getTranslation("backups.created", backup.name()));
            refresh();
        });
        add(new H1(getTranslation("backups.heading")));
        if (backups.available()) {
            add(new Paragraph(getTranslation("backups.intro", backups.directory())), create, status, list);
            refresh();
        } else {
            add(new Paragraph(getTranslation("backups.external")));
        }
    }

    private void refresh() {
        list.setItems(backups.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backups.heading") + " | " + getTranslation("app.name");
    }
}
