package no.alisportalen.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.ui.FormErrors;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import no.alisportalen.round.Round;
import no.alisportalen.round.RoundResult;
import no.alisportalen.round.RoundService;
import no.alisportalen.round.RoundStatus;

/**
 * The ALIS office's match rounds: open one on the region's published positions, follow who has ranked, run the
 * match, read the result per municipality, publish or cancel.
 */
@Route("alis-kontor/runder")
@Menu(order = 26, title = "nav.officeRounds", icon = "vaadin:exchange")
@RolesAllowed({Role.Names.ALIS_OFFICE, Role.Names.ADMIN})
final class OfficeRoundsView extends Main implements HasDynamicTitle {

    private final RoundService rounds;
    private final PositionService positions;
    final TextField name = new TextField();
    final Select<Region> region = new Select<>();
    final MultiSelectComboBox<Position> chosen = new MultiSelectComboBox<>();
    final DatePicker applicantDeadline = new DatePicker();
    final DatePicker municipalityDeadline = new DatePicker();
    final Button create = new Button();
    final Div message = new Div();
    final Div list = new Div();

    OfficeRoundsView(RoundService rounds, PositionService positions) {
        this.rounds = rounds;
        this.positions = positions;
        var user = PortalUser.current().orElseThrow();
        message.getElement().setAttribute("role", "status");
        message.setId("round-message");
        name.setLabel(getTranslation("round.form.name"));
        name.setId("round-name");
        name.setMaxLength(RoundService.NAME_MAX);
        region.setLabel(getTranslation("round.form.region"));
        region.setItems(user.role() == Role.ADMIN ? List.of(Region.values())
                : List.of(java.util.Objects.requireNonNull(user.account().region())));
        region.setItemLabelGenerator(r -> getTranslation("region." + r));
        region.setValue(region.getListDataView().getItem(0));
        region.setId("round-region");
        chosen.setLabel(getTranslation("round.form.positions"));
        chosen.setItemLabelGenerator(p -> p.data().title() + " (" + p.municipalityName() + ")");
        chosen.setId("round-positions-choice");
        region.addValueChangeListener(e -> fillPositions());
        fillPositions();
        applicantDeadline.setLabel(getTranslation("round.form.applicantDeadline"));
        applicantDeadline.setValue(LocalDate.now().plusWeeks(2));
        applicantDeadline.setId("round-applicant-deadline");
        municipalityDeadline.setLabel(getTranslation("round.form.municipalityDeadline"));
        municipalityDeadline.setValue(LocalDate.now().plusWeeks(3));
        municipalityDeadline.setId("round-municipality-deadline");
        create.setText(getTranslation("round.form.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("create-round");
        create.addClickListener(e -> create());
        var form = new FormLayout(name, region, chosen, applicantDeadline, municipalityDeadline);
        list.setId("office-rounds");
        add(new H1(getTranslation("round.office.heading")), new Paragraph(getTranslation("round.office.intro")),
                message, new Section(new H2(getTranslation("round.form.heading")), form, create),
                new Section(new H2(getTranslation("round.office.rounds")), list));
        refresh();
    }

    private void fillPositions() {
        var selected = region.getValue();
        chosen.setItems(positions.publishedOrClosed(selected).stream()
                .filter(p -> p.status() == PositionStatus.PUBLISHED)
                .sorted(Comparator.comparing(Position::municipalityName)).toList());
    }

    void create() {
        message.removeAll();
        try {
            var round = rounds.create(new RoundService.NewRound(name.getValue(), region.getValue(),
                    chosen.getSelectedItems().stream().map(p -> p.id().value()).toList(),
                    applicantDeadline.getValue(), municipalityDeadline.getValue()));
            message.add(new Paragraph(getTranslation("round.office.created", round.name())));
            message.scrollIntoView();
            name.clear();
            chosen.clear();
            refresh();
        } catch (InvalidInputException e) {
            if (!FormErrors.show(e, Map.of("name", name, "positionIds", chosen, "applicantRankingDeadline",
                    applicantDeadline, "municipalityRankingDeadline", municipalityDeadline), this::getTranslation)) {
                message.add(RoundUi.problem(this, e));
            message.scrollIntoView();
            }
        }
    }

    private void refresh() {
        list.removeAll();
        var all = rounds.list(null).stream().filter(r -> PortalUser.current().map(u -> u.oversees(r.region()))
                .orElse(false)).toList();
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("round.office.none")));
        }
        all.forEach(r -> list.add(card(r)));
    }

    private Section card(Round round) {
        var card = new Section();
        card.addClassName("round-card");
        var meta = new Paragraph(getTranslation("region." + round.region()) + " · "
                + getTranslation("rounds.positions", round.positions().size()) + " · ");
        meta.add(RoundUi.status(this, round));
        card.add(new H3(round.name()), meta, new Paragraph(RoundUi.deadlines(this, getLocale(), round)));
        if (round.status() == RoundStatus.OPEN) {
            var progress = rounds.progress(round.id());
            card.add(new Paragraph(getTranslation("round.office.progress", progress.applicantsRanked(),
                    progress.couplesFormed(), progress.positionsUnranked().size())));
            if (!progress.positionsUnranked().isEmpty()) {
                var titles = round.positions().stream().filter(p -> progress.positionsUnranked()
                        .contains(p.positionId())).map(p -> p.title() + " (" + p.municipalityName() + ")").toList();
                card.add(new Paragraph(getTranslation("round.office.unranked", String.join("; ", titles))));
            }
        }
        if (round.status() == RoundStatus.MATCHED || round.status() == RoundStatus.PUBLISHED) {
            card.add(result(round, rounds.result(round.id())));
        }
        var actions = new HorizontalLayout();
        if (round.status() == RoundStatus.OPEN) {
            actions.add(button("round.office.match", round, () -> rounds.match(round.id()), true));
        }
        if (round.status() == RoundStatus.MATCHED) {
            actions.add(button("round.office.publish", round, () -> rounds.publish(round.id()), true));
        }
        if (round.status() == RoundStatus.OPEN || round.status() == RoundStatus.MATCHED) {
            var cancel = new Button(getTranslation("round.office.cancel"), e -> {
                var dialog = new ConfirmDialog(getTranslation("round.office.cancel.title"),
                        getTranslation("round.office.cancel.text", round.name()), getTranslation("round.office.cancel"),
                        confirmed -> act(() -> rounds.cancel(round.id())));
                dialog.setCancelable(true);
                dialog.setCancelText(getTranslation("round.office.cancel.keep"));
                dialog.setConfirmButtonTheme("error primary");
                dialog.open();
            });
            cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            cancel.getElement().setAttribute("aria-label", getTranslation("round.office.cancel") + ": " + round.name());
            actions.add(cancel);
        }
        card.add(actions);
        return card;
    }

    private Button button(String key, Round round, Runnable action, boolean primary) {
        var button = new Button(getTranslation(key), e -> act(action));
        if (primary) {
            button.addThemeVariants(ButtonVariant.PRIMARY);
        }
        button.getElement().setAttribute("aria-label", getTranslation(key) + ": " + round.name());
        button.addClassName(key.substring(key.lastIndexOf('.') + 1) + "-round");
        return button;
    }

    private void act(Runnable action) {
        message.removeAll();
        try {
            action.run();
            message.add(new Paragraph(getTranslation("round.office.done")));
            message.scrollIntoView();
        } catch (RuntimeException e) {
            message.add(RoundUi.problem(this, e));
            message.scrollIntoView();
        }
        refresh();
    }

    /** Filled and open places per municipality, unmatched applicants, and whether the result is stable. */
    private Component result(Round round, RoundResult result) {
        Map<String, int[]> perMunicipality = new TreeMap<>();
        for (var position : round.positions()) {
            var row = perMunicipality.computeIfAbsent(position.municipalityName(), m -> new int[2]);
            row[1] += position.capacity();
            row[0] += (int) result.assignments().stream().filter(a -> a.positionId().equals(position.positionId()))
                    .count();
        }
        int places = round.positions().stream().mapToInt(Round.RoundPosition::capacity).sum();
        var box = new Div(new Paragraph(getTranslation("round.office.result", result.assignments().size(), places,
                result.unmatchedApplicants().size())), new Paragraph(getTranslation(result.stable()
                ? "round.office.stable" : "round.office.unstable")));
        var grid = new Grid<Map.Entry<String, int[]>>();
        grid.setAriaLabel(getTranslation("round.office.perMunicipality"));
        grid.addColumn(Map.Entry::getKey).setHeader(getTranslation("round.office.municipality"));
        grid.addColumn(e -> e.getValue()[0]).setHeader(getTranslation("round.office.filled"));
        grid.addColumn(e -> e.getValue()[1] - e.getValue()[0]).setHeader(getTranslation("round.office.open"));
        grid.setItems(List.copyOf(perMunicipality.entrySet()));
        grid.setAllRowsVisible(true);
        box.add(grid);
        box.addClassName("round-result");
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("round.office.heading") + " | " + getTranslation("app.name");
    }
}
