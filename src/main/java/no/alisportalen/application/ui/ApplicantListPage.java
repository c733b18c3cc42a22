package no.alisportalen.application.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Objects;
import no.alisportalen.account.Gender;
import no.alisportalen.application.ApplicantList;
import no.alisportalen.application.ApplicantListService;
import no.alisportalen.application.ApplicantListStatus;
import no.alisportalen.position.PositionId;
import org.jspecify.annotations.Nullable;

/**
 * The public applicant list of one position under offentleglova § 25: /stilling/{id}/sokerliste. A plain table
 * (name, age, title, municipality) with the counts the law asks for, printable; while the list is pending only
 * that it is.
 */
@Route("stilling/:id/sokerliste")
@AnonymousAllowed
final class ApplicantListPage extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ApplicantListService lists;
    private @Nullable ApplicantList list;

    ApplicantListPage(ApplicantListService lists) {
        this.lists = lists;
        addClassName("applicant-list-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            list = lists.find(new PositionId(event.getRouteParameters().get("id").orElse("")))
                    .orElseThrow(NotFoundException::new);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        removeAll();
        var shown = Objects.requireNonNull(list);
        add(new H1(getTranslation("applicantList.heading", shown.title())),
                new Paragraph(shown.municipalityName() + " · " + getTranslation("applicantList.periodEnded",
                        ApplicationUi.date(this).format(shown.periodEndedAt()))),
                new Paragraph(new Anchor("stilling/" + shown.positionId(), getTranslation("applicantList.back"))));
        if (shown.status() == ApplicantListStatus.PENDING || shown.applicants() == null) {
            var pending = new Paragraph(getTranslation("applicantList.pending"));
            pending.setId("applicant-list-pending");
            add(pending);
            return;
        }
        var gender = Objects.requireNonNull(shown.gender());
        var counts = new Paragraph(getTranslation("applicantList.counts", shown.applicants(),
                gender.get(Gender.FEMALE), gender.get(Gender.MALE), gender.get(Gender.UNSPECIFIED),
                shown.withheld()));
        counts.setId("applicant-list-counts");
        add(counts);
        var table = new NativeTable();
        table.setId("applicant-list-table");
        table.addClassName("applicant-list-table");
        table.setCaptionText(getTranslation("applicantList.caption"));
        var head = table.getHead().addRow();
        for (var key : new String[] {"name", "age", "title", "municipality"}) {
            var cell = head.addHeaderCell();
            cell.setText(getTranslation("applicantList.column." + key));
            cell.getElement().setAttribute("scope", "col");
        }
        var body = table.getBody();
        for (var entry : shown.entries()) {
            var row = body.addRow();
            row.addDataCell().setText(Objects.requireNonNullElse(entry.name(), ""));
            row.addDataCell().setText(entry.age() == null ? "" : Integer.toString(entry.age()));
            row.addDataCell().setText(Objects.requireNonNullElse(entry.title(), ""));
            row.addDataCell().setText(Objects.requireNonNullElse(entry.municipality(), ""));
        }
        var print = new Button(getTranslation("page.print"),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.TERTIARY);
        print.addClassName("no-print");
        add(table, new Paragraph(getTranslation("applicantList.note")), new Paragraph(print));
    }

    @Override
    public String getPageTitle() {
        var title = list == null ? "" : list.title() + " | ";
        return getTranslation("applicantList.title") + ": " + title + getTranslation("app.name");
    }
}
