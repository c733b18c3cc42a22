package no.alisportalen.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import no.alisportalen.account.Role;
import no.alisportalen.base.ui.Money;
import no.alisportalen.matching.MatchService;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionService;
import no.alisportalen.round.Round;
import no.alisportalen.round.RoundService;
import no.alisportalen.round.RoundStatus;
import org.jspecify.annotations.Nullable;

/**
 * An applicant's side of a round: rank its positions (drag and drop, or the move buttons) with each position's
 * facts and the applicant's match reasons beside it; or, as a couple, name the partner and rank pairs of
 * positions within a chosen distance; after publication, the assignment.
 */
@Route("runder/:roundId")
@RolesAllowed(Role.Names.APPLICANT)
final class ApplicantRoundView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** A couple's pair, own position first. */
    record PairItem(Round.RoundPosition own, Round.RoundPosition partner) {}

    private final RoundService rounds;
    private final PositionService positions;
    private final MatchService matches;
    final Div message = new Div();
    private final Div body = new Div();
    private @Nullable Round round;
    final RankList<Round.RoundPosition> ranking;
    final RankList<PairItem> pairs;
    final EmailField partner = new EmailField();
    final Select<Integer> distance = new Select<>();

    ApplicantRoundView(RoundService rounds, PositionService positions, MatchService matches) {
        this.rounds = rounds;
        this.positions = positions;
        this.matches = matches;
        message.getElement().setAttribute("role", "status");
        message.setId("round-message");
        ranking = new RankList<>(getTranslation("round.myRanking"), Round.RoundPosition::title, this::facts);
        ranking.setId("my-ranking");
        pairs = new RankList<>(getTranslation("round.myPairs"), this::pairLabel, p -> RankList.text(pairLabel(p)));
        pairs.setId("my-pairs");
        add(body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("roundId").orElse("");
        round = rounds.find(id).filter(r -> r.status() == RoundStatus.OPEN || r.status() == RoundStatus.PUBLISHED)
                .orElse(null);
        render();
    }

    private void render() {
        body.removeAll();
        var current = round;
        if (current == null) {
            body.add(new H1(getTranslation("round.notFound")));
            return;
        }
        body.add(new H1(current.name()), new Paragraph(RoundUi.deadlines(this, getLocale(), current)), message);
        if (current.status() == RoundStatus.PUBLISHED) {
            body.add(result(current));
            return;
        }
        var mine = rounds.myRanking(current.id());
        var byId = new LinkedHashMap<String, Round.RoundPosition>();
        current.positions().forEach(p -> byId.put(p.positionId().value(), p));
        body.add(couple(mine));
        if (mine.coupleFormed()) {
            body.add(pairSection(current, byId, mine));
        } else {
            ranking.set(mine.positionIds().stream().map(p -> byId.get(p.value())).filter(p -> p != null).toList());
            var save = new Button(getTranslation("round.save"), e -> saveRanking());
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.setId("save-ranking");
            var available = new Section(new H2(getTranslation("round.available")));
            var list = new UnorderedList();
            list.setId("round-positions");
            for (var position : current.positions()) {
                var add = new Button(getTranslation("round.add"), e -> ranking.add(position));
                add.getElement().setAttribute("aria-label", getTranslation("round.add.label", position.title()));
                add.addClassName("add-position");
                list.add(new ListItem(facts(position), add));
            }
            available.add(list);
            body.add(new Section(new H2(getTranslation("round.myRanking")), new Paragraph(
                    getTranslation("round.myRanking.help")), ranking, save), available);
        }
    }

    private Component result(Round current) {
        var section = new Section(new H2(getTranslation("round.result")));
        var result = rounds.result(current.id());
        if (result.assignments().isEmpty()) {
            section.add(new Paragraph(getTranslation("round.result.none")));
        } else {
            var assigned = result.assignments().getFirst().positionId();
            var title = current.positions().stream().filter(p -> p.positionId().equals(assigned)).findFirst()
                    .map(Round.RoundPosition::title).orElse("");
            section.add(new Paragraph(getTranslation("round.result.assigned", title)),
                    new Paragraph(new Anchor("mine/soknader", getTranslation("round.result.applications"))));
        }
        section.setId("round-result");
        return section;
    }

    private Component couple(RoundService.MyRanking mine) {
        partner.setLabel(getTranslation("round.partner"));
        partner.setHelperText(getTranslation("round.partner.help"));
        partner.setValue(mine.partnerEmail() == null ? "" : mine.partnerEmail());
        partner.setId("partner-email");
        var name = new Button(getTranslation("round.partner.name"), e -> namePartner());
        name.setId("name-partner");
        var state = new Paragraph(getTranslation(mine.coupleFormed() ? "round.partner.formed"
                : mine.partnerEmail() == null ? "round.partner.none" : "round.partner.waiting"));
        var details = new Details(getTranslation("round.couple"), new VerticalLayout(state, partner, name));
        details.setOpened(mine.partnerEmail() != null);
        return details;
    }

    private Component pairSection(Round current, Map<String, Round.RoundPosition> byId, RoundService.MyRanking mine) {
        pairs.set(mine.pairs().stream().filter(p -> byId.containsKey(p.positionId())
                && byId.containsKey(p.partnerPositionId()))
                .map(p -> new PairItem(byId.get(p.positionId()), byId.get(p.partnerPositionId()))).toList());
        distance.setLabel(getTranslation("round.distance"));
        distance.setItems(25, 50, 100, 250, 5_000);
        distance.setItemLabelGenerator(km -> km >= 5_000 ? getTranslation("round.distance.any")
                : getTranslation("round.distance.km", km));
        if (distance.getValue() == null) {
            distance.setValue(50);
        }
        var candidates = new UnorderedList();
        candidates.setId("round-pairs");
        Runnable fill = () -> {
            candidates.removeAll();
            Map<String, Position> facts = new LinkedHashMap<>();
            current.positions().forEach(p -> positions.find(p.positionId()).ifPresent(f -> facts.put(p.positionId()
                    .value(), f)));
            for (var own : current.positions()) {
                for (var other : current.positions()) {
                    var a = facts.get(own.positionId().value());
                    var b = facts.get(other.positionId().value());
                    if (a == null || b == null || a.data().location() == null || b.data().location() == null
                            || a.data().location().distanceKm(b.data().location()) > distance.getValue()) {
                        continue;
                    }
                    var item = new PairItem(own, other);
                    var add = new Button(getTranslation("round.add"), e -> pairs.add(item));
                    add.getElement().setAttribute("aria-label", getTranslation("round.add.label", pairLabel(item)));
                    candidates.add(new ListItem(new Span(pairLabel(item) + " "), add));
                }
            }
        };
        distance.addValueChangeListener(e -> fill.run());
        fill.run();
        var save = new Button(getTranslation("round.save"), e -> savePairs());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-pairs");
        return new Section(new H2(getTranslation("round.myPairs")), new Paragraph(getTranslation("round.myPairs.help")),
                pairs, save, new H2(getTranslation("round.possiblePairs")), distance, candidates);
    }

    private String pairLabel(PairItem pair) {
        return getTranslation("round.pair", pair.own().title(), pair.partner().title());
    }

    /** A position's facts and why it fits the applicant's wishes or not. */
    private Component facts(Round.RoundPosition position) {
        var box = new Div();
        box.addClassName("round-position");
        box.add(new Span(position.title() + " · " + position.municipalityName()));
        positions.find(position.positionId()).ifPresent(p -> {
            box.add(new Paragraph(getTranslation("round.worth", Money.nok(p.data().yearlyValue(), getLocale()))));
            var reasons = new UnorderedList();
            matches.explain(p, getLocale()).stream().limit(4).forEach(c -> reasons.add(new ListItem(
                    getTranslation("matches.outcome." + c.outcome().name()) + ": " + c.detail())));
            box.add(reasons);
        });
        return box;
    }

    void saveRanking() {
        message.removeAll();
        try {
            rounds.rankPositions(java.util.Objects.requireNonNull(round).id(),
                    ranking.ranked().stream().map(p -> p.positionId().value()).toList());
            message.add(new Paragraph(getTranslation("round.saved", ranking.ranked().size())));
            message.scrollIntoView();
        } catch (RuntimeException e) {
            message.add(RoundUi.problem(this, e));
            message.scrollIntoView();
        }
    }

    void savePairs() {
        message.removeAll();
        try {
            rounds.rankPairs(java.util.Objects.requireNonNull(round).id(), pairs.ranked().stream()
                    .map(p -> new RoundService.Pair(p.own().positionId().value(), p.partner().positionId().value()))
                    .toList());
            message.add(new Paragraph(getTranslation("round.saved", pairs.ranked().size())));
            message.scrollIntoView();
        } catch (RuntimeException e) {
            message.add(RoundUi.problem(this, e));
            message.scrollIntoView();
        }
    }

    void namePartner() {
        message.removeAll();
        try {
            rounds.couple(java.util.Objects.requireNonNull(round).id(), partner.getValue());
            render();
            message.add(new Paragraph(getTranslation("round.partner.named")));
            message.scrollIntoView();
        } catch (RuntimeException e) {
            message.add(RoundUi.problem(this, e));
            message.scrollIntoView();
        }
    }

    @Override
    public String getPageTitle() {
        return (round == null ? getTranslation("rounds.heading") : round.name()) + " | " + getTranslation("app.name");
    }
}
