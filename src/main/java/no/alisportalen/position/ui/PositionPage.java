package no.alisportalen.position.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.LocalDate;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import org.jspecify.annotations.Nullable;

/** The public, shareable and printable page of one position: /stilling/{id}. */
@Route("stilling/:id")
@AnonymousAllowed
final class PositionPage extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PositionService positions;
    private @Nullable Position position;

    private final Clock clock;

    PositionPage(PositionService positions, Clock clock) {
        this.positions = positions;
        this.clock = clock;
        addClassName("position-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("id").orElse("");
        try {
            position = positions.find(new PositionId(id)).orElseThrow(NotFoundException::new);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        removeAll();
        positions.viewed(position);
        var print = new Button(getTranslation("page.print"),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.TERTIARY);
        print.addClassName("no-print");
        add(new PositionDetails(position));
        if (position.data().listsApplicants()) {
            // Offentleglova § 25: the ad says that details may be published even if an applicant asks not to be.
            var notice = new Paragraph(getTranslation("position.applicantListNotice"));
            notice.setId("applicant-list-notice");
            notice.addClassName("applicant-list-notice");
            add(notice);
            if (!position.isOpen(java.time.LocalDate.now(clock))) {
                // The period has ended: the list is there (or being prepared) for anyone to read.
                var link = new com.vaadin.flow.component.html.Anchor("stilling/" + position.id().value()
                        + "/sokerliste", getTranslation("position.applicantListLink"));
                link.setId("applicant-list-link");
                add(new Paragraph(link));
            }
        }
        applyLink(position).ifPresent(this::add);
        add(new Paragraph(print));
        // The owner, the region's ALIS office and admins also see who changed what (the API enforces who).
        if (position.applicationCount() != null) {
            var log = new Details(getTranslation("form.section.audit"), AuditList.of(this, positions.audit(position.id())));
            log.addClassName("no-print");
            add(log);
        }
    }

    /** Anonymous visitors and applicants get the way to apply (anonymous ones log in first). */
    private java.util.Optional<Paragraph> applyLink(Position position) {
        var role = PortalUser.current().map(PortalUser::role).orElse(null);
        if (!position.isOpen(LocalDate.now(clock)) || (role != null && role != Role.APPLICANT)) {
            return java.util.Optional.empty();
        }
        var apply = new Anchor("stilling/" + position.id().value() + "/sok", getTranslation("page.apply"));
        apply.setId("apply-link");
        apply.addClassName("apply-link");
        apply.getElement().addEventListener("click", e -> positions.applyClicked(position));
        var paragraph = new Paragraph(apply);
        paragraph.addClassName("no-print");
        if (role == null) {
            paragraph.add(new Span(" " + getTranslation("page.apply.login")));
        } else {
            var favourite = new Anchor("lagrede-sok?favoritt=" + position.id().value(), getTranslation("page.favourite"));
            favourite.setId("favourite-link");
            paragraph.add(new Span(" · "), favourite);
        }
        return java.util.Optional.of(paragraph);
    }

    @Override
    public String getPageTitle() {
        var title = position == null || position.data().title() == null ? "" : position.data().title() + " | ";
        return title + getTranslation("app.name");
    }
}
