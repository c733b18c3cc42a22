package no.alisportalen.application.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Collectors;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.application.Application;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.application.ApplicationStatus;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A position's applications for its municipality: profile and cover letter, and the move along the pipeline
 * with an internal note; /kommune/stilling/{id}/soknader.
 */
@Route("kommune/stilling/:id/soknader")
@RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
final class PositionApplicationsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PositionService positions;
    private final ApplicationService applications;
    final Grid<Application> grid = new Grid<>();
    final Div detail = new Div();
    final Div message = new Div();
    final Paragraph summary = new Paragraph();
    final Select<ApplicationStatus> status = new Select<>();
    final TextArea note = new TextArea();
    final Button save = new Button();
    final Button markFilled = new Button();
    final Button decide = new Button();
    final com.vaadin.flow.component.dialog.Dialog decision = new com.vaadin.flow.component.dialog.Dialog();
    final com.vaadin.flow.component.radiobutton.RadioButtonGroup<Boolean> granted =
            new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>();
    final com.vaadin.flow.component.textfield.TextArea justification = new com.vaadin.flow.component.textfield.TextArea();
    final Button confirmDecision = new Button();
    private @Nullable Position position;
    private @Nullable Application selected;

    PositionApplicationsView(PositionService positions, ApplicationService applications) {
        this.positions = positions;
        this.applications = applications;
        var dateTimes = ApplicationUi.dateTime(this);
        grid.addColumn(a -> a.anonymised() ? getTranslation("applications.anonymised")
                : Objects.requireNonNullElse(a.applicant().name(), "")).setHeader(getTranslation("applications.name"))
                .setFlexGrow(2).setSortable(true);
        grid.addColumn(a -> a.applicant().stage() == null ? "" : getTranslation("stage." + a.applicant().stage()))
                .setHeader(getTranslation("applications.stage")).setAutoWidth(true);
        grid.addColumn(a -> dateTimes.format(a.submittedAt())).setHeader(getTranslation("applications.submitted"))
                .setAutoWidth(true).setComparator(Comparator.comparing(Application::submittedAt));
        grid.addComponentColumn(a -> ApplicationUi.badge(this, a.status()))
                .setHeader(getTranslation("applications.status")).setAutoWidth(true)
                .setComparator(Comparator.comparing(Application::status));
        grid.addColumn(a -> a.exemption() == null ? "" : getTranslation("exemption.state." + a.exemption().state()))
                .setHeader(getTranslation("applications.exemption")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("applications.list"));
        grid.setEmptyStateText(getTranslation("applications.empty"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        status.setId("application-status");
        status.setLabel(getTranslation("applications.move"));
        status.setItemLabelGenerator(s -> getTranslation("application.status." + s.name()));
        note.setId("application-note");
        note.setLabel(getTranslation("applications.note"));
        note.setHelperText(getTranslation("applications.note.help"));
        note.setMaxLength(ApplicationService.NOTE_MAX);
        note.setWidthFull();
        save.setId("save-status");
        save.setText(getTranslation("applications.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> saveStatus());
        markFilled.setId("mark-filled");
        markFilled.setText(getTranslation("applications.markFilled"));
        markFilled.addThemeVariants(ButtonVariant.SUCCESS);
        markFilled.addClickListener(e -> markFilled());
        decide.setId("decide-exemption");
        decide.setText(getTranslation("exemption.decide"));
        decide.addClickListener(e -> openDecision());
        granted.setId("exemption-granted");
        granted.setLabel(getTranslation("exemption.decision"));
        granted.setItems(Boolean.TRUE, Boolean.FALSE);
        granted.setItemLabelGenerator(g -> getTranslation(g ? "exemption.grant" : "exemption.refuse"));
        granted.setRequiredIndicatorVisible(true);
        justification.setId("exemption-justification");
        justification.setLabel(getTranslation("exemption.justification"));
        justification.setHelperText(getTranslation("exemption.justification.help"));
        justification.setMaxLength(no.alisportalen.application.Exemption.TEXT_MAX);
        justification.setRequiredIndicatorVisible(true);
        justification.setWidthFull();
        confirmDecision.setId("exemption-confirm");
        confirmDecision.setText(getTranslation("exemption.confirm"));
        confirmDecision.addThemeVariants(ButtonVariant.PRIMARY);
        confirmDecision.addClickListener(e -> saveDecision());
        var cancel = new Button(getTranslation("myApplications.withdraw.cancel"), e -> decision.close());
        decision.setHeaderTitle(getTranslation("exemption.dialog"));
        decision.add(granted, justification);
        decision.getFooter().add(cancel, confirmDecision);
        message.setId("applications-message");
        message.getElement().setAttribute("role", "status");
        detail.setId("application-detail");
        detail.addClassName("application-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            position = positions.find(new PositionId(event.getRouteParameters().get("id").orElse("")))
                    .filter(p -> PortalUser.current().map(u -> u.actsFor(p.municipalityNumber())).orElse(false))
                    .orElseThrow(NotFoundException::new);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        removeAll();
        var title = Objects.requireNonNullElse(position.data().title(), "");
        add(new H1(getTranslation("applications.heading", title)),
                new Paragraph(new Anchor("kommune/stillinger", getTranslation("applications.back")), new Anchor(
                        "stilling/" + position.id().value(), getTranslation("applications.publicPage"))),
                summary, message, grid, detail, decision);
        refresh();
    }

    private void refresh() {
        var current = Objects.requireNonNull(position);
        var keep = selected == null ? null : selected.id();
        // Requests waiting for a decision first: the list cannot be published until each is decided.
        var items = applications.forPosition(current.id()).stream().sorted(Comparator.comparing(
                (Application a) -> a.exemption() == null
                        || a.exemption().state() != no.alisportalen.application.ExemptionState.REQUESTED)).toList();
        grid.setItems(items); // clears the selection
        var counts = items.stream().collect(Collectors.groupingBy(Application::status, Collectors.counting()));
        summary.setText(getTranslation("applications.summary", items.size() - counts.getOrDefault(
                ApplicationStatus.WITHDRAWN, 0L)) + " " + Arrays.stream(ApplicationStatus.values())
                .filter(counts::containsKey)
                .map(s -> getTranslation("application.status." + s.name()) + ": " + counts.get(s))
                .collect(Collectors.joining(", ")));
        if (keep != null) {
            items.stream().filter(a -> a.id().equals(keep)).findFirst().ifPresent(grid::select);
        }
    }

    void show(@Nullable Application application) {
        selected = application;
        detail.removeAll();
        if (application == null) {
            return;
        }
        var profile = application.applicant();
        var section = new Section();
        section.add(new H2(application.anonymised() ? getTranslation("applications.anonymised")
                : Objects.requireNonNullElse(profile.name(), "")));
        if (!application.anonymised()) {
            section.add(new Paragraph(profile.email() + (profile.stage() == null ? ""
                    : " · " + getTranslation("stage." + profile.stage()))
                    + (profile.graduationYear() == null ? ""
                    : " · " + getTranslation("applications.graduation", profile.graduationYear()))
                    + (profile.homeMunicipality() == null ? ""
                    : " · " + getTranslation("applications.home", profile.homeMunicipality()))));
            var letter = new Paragraph(Objects.requireNonNullElse(application.coverLetter(), ""));
            letter.addClassName("cover-letter");
            section.add(new H3(getTranslation("apply.coverLetter")), letter);
        }
        section.add(new H3(getTranslation("applications.timeline")), ApplicationUi.timeline(this, application));
        detail.add(section);
        var exemption = application.exemption();
        if (exemption != null) {
            var box = new Section();
            box.setId("exemption-detail");
            box.add(new H3(getTranslation("exemption.heading")),
                    new Paragraph(getTranslation("exemption.state." + exemption.state())));
            if (exemption.reason() != null) {
                box.add(new Paragraph(getTranslation("exemption.reasonGiven", exemption.reason())));
            }
            if (exemption.justification() != null) {
                box.add(new Paragraph(getTranslation("exemption.justificationGiven", exemption.justification())));
            }
            if (exemption.state() == no.alisportalen.application.ExemptionState.REQUESTED
                    && application.status() != ApplicationStatus.WITHDRAWN) {
                box.add(decide);
            }
            detail.add(box);
        }
        if (application.status().isFinal()) {
            detail.add(new Paragraph(getTranslation("applications.final")));
        } else {
            var choices = Arrays.stream(ApplicationStatus.values())
                    .filter(s -> s == application.status() || application.status().municipalityMayMoveTo(s)).toList();
            status.setItems(choices);
            status.setValue(application.status());
            note.setValue(Objects.requireNonNullElse(application.internalNote(), ""));
            detail.add(status, note, save);
        }
        var current = Objects.requireNonNull(position);
        if (application.status() == ApplicationStatus.ACCEPTED && current.status() != PositionStatus.FILLED) {
            detail.add(new Paragraph(getTranslation("applications.acceptedHint")), markFilled);
        }
    }

    void saveStatus() {
        var application = Objects.requireNonNull(selected);
        message.removeAll();
        try {
            var saved = applications.changeStatus(application.id(), Objects.requireNonNull(status.getValue()),
                    note.getValue(), application.version());
            selected = saved;
            message.add(new Paragraph(getTranslation("applications.saved",
                    getTranslation("application.status." + saved.status().name()))));
        } catch (ConflictException e) {
            message.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        } catch (InvalidInputException e) {
            note.setInvalid(true);
            note.setErrorMessage(getTranslation(e.problems().getFirst().messageKey(),
                    e.problems().getFirst().args().toArray()));
        }
        refresh();
    }

    void openDecision() {
        granted.clear();
        granted.setInvalid(false);
        justification.clear();
        justification.setInvalid(false);
        decision.open();
    }

    void saveDecision() {
        var application = Objects.requireNonNull(selected);
        try {
            var saved = applications.decideExemption(application.id(), granted.getValue(), justification.getValue());
            decision.close();
            selected = saved;
            message.removeAll();
            message.add(new Paragraph(getTranslation("exemption.decided." + Objects.requireNonNull(saved.exemption())
                    .state())));
            refresh();
        } catch (InvalidInputException e) {
            no.alisportalen.base.ui.FormErrors.show(e, java.util.Map.of("granted", granted, "justification",
                    justification), this::getTranslation);
        } catch (ConflictException e) {
            decision.close();
            message.removeAll();
            message.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
            refresh();
        }
    }

    void markFilled() {
        message.removeAll();
        try {
            position = positions.fill(Objects.requireNonNull(position).id());
            message.add(new Paragraph(getTranslation("applications.filled")));
        } catch (ConflictException e) {
            message.add(new Paragraph(getTranslation(e.messageKey(), e.args())));
        }
        show(selected);
    }

    @Override
    public String getPageTitle() {
        var title = position == null ? "" : Objects.requireNonNullElse(position.data().title(), "") + " | ";
        return getTranslation("applications.title") + ": " + title + getTranslation("app.name");
    }
}
