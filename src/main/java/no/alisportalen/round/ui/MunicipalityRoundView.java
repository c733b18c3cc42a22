package no.alisportalen.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.Role;
import no.alisportalen.application.Application;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.position.PositionId;
import no.alisportalen.round.Round;
import no.alisportalen.round.RoundService;
import no.alisportalen.round.RoundStatus;
import org.jspecify.annotations.Nullable;

/**
 * A municipality's side of a round for one of its positions: who ranked it (profile, letter and application
 * where there is one), ranked by drag and drop or the move buttons; candidates left out are not acceptable.
 * After publication: who was assigned.
 */
@Route("runder/:roundId/stilling/:positionId")
@RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
final class MunicipalityRoundView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final RoundService rounds;
    private final ApplicationService applications;
    final Div message = new Div();
    private final Div body = new Div();
    final RankList<RoundService.Candidate> ranking;
    private @Nullable Round round;
    private Round.@Nullable RoundPosition position;
    /** The applicants' own applications to the position, by e-mail address: their letter beside their name. */
    private final Map<String, Application> applicationOf = new HashMap<>();

    MunicipalityRoundView(RoundService rounds, ApplicationService applications) {
        this.rounds = rounds;
        this.applications = applications;
        message.getElement().setAttribute("role", "status");
        message.setId("round-message");
        ranking = new RankList<>(getTranslation("round.candidates.ranking"), RoundService.Candidate::name,
                this::candidate);
        ranking.setId("candidate-ranking");
        add(body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get("roundId").orElse("");
        var positionId = event.getRouteParameters().get("positionId").orElse("");
        round = rounds.find(id).orElse(null);
        position = round == null ? null : round.positions().stream()
                .filter(p -> p.positionId().value().equals(positionId)).findFirst().orElse(null);
        render();
    }

    private void render() {
        body.removeAll();
        var current = round;
        var own = position;
        if (current == null || own == null || current.status() == RoundStatus.CANCELLED) {
            body.add(new H1(getTranslation("round.notFound")));
            return;
        }
        body.add(new H1(getTranslation("round.candidates.heading", own.title())),
                new Paragraph(current.name() + " · " + RoundUi.deadlines(this, getLocale(), current)), message);
        if (current.status() == RoundStatus.PUBLISHED) {
            var result = rounds.result(current.id());
            var assigned = result.assignments().stream().filter(a -> a.positionId().equals(own.positionId()))
                    .count();
            var section = new Section(new H2(getTranslation("round.result")), new Paragraph(getTranslation(
                    "round.result.position", assigned, own.capacity())), new Paragraph(new Anchor(
                    "kommune/stilling/" + own.positionId().value() + "/soknader",
                    getTranslation("round.result.pipeline"))));
            section.setId("round-result");
            body.add(section);
            return;
        }
        var view = rounds.positionRanking(current.id(), own.positionId().value());
        applicationOf.clear();
        applications.forPosition(new PositionId(own.positionId().value())).stream()
                .filter(a -> a.applicant().email() != null)
                .forEach(a -> applicationOf.put(Objects.requireNonNull(a.applicant().email()), a));
        Map<AccountId, RoundService.Candidate> byId = new HashMap<>();
        view.candidates().forEach(c -> byId.put(c.applicantId(), c));
        ranking.set(view.applicantIds().stream().map(byId::get).filter(Objects::nonNull).toList());
        var save = new Button(getTranslation("round.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-candidates");
        save.setEnabled(current.status() == RoundStatus.OPEN);
        var unranked = new UnorderedList();
        unranked.setId("candidates");
        for (var candidate : view.candidates()) {
            var add = new Button(getTranslation("round.add"), e -> ranking.add(candidate));
            add.getElement().setAttribute("aria-label", getTranslation("round.add.label", candidate.name()));
            add.addClassName("add-candidate");
            unranked.add(new ListItem(candidate(candidate), add));
        }
        if (view.candidates().isEmpty()) {
            unranked.add(new ListItem(getTranslation("round.candidates.none")));
        }
        body.add(new Section(new H2(getTranslation("round.candidates.ranking")), new Paragraph(
                getTranslation("round.candidates.help")), ranking, save),
                new Section(new H2(getTranslation("round.candidates.all")), unranked));
    }

    private Component candidate(RoundService.Candidate candidate) {
        var box = new Div(new Span(candidate.name() + (candidate.stage() == null ? ""
                : " · " + getTranslation("stage." + candidate.stage()))
                + (candidate.inCouple() ? " · " + getTranslation("round.candidates.couple") : "")));
        var application = applicationOf.get(candidate.email());
        if (application != null && application.coverLetter() != null) {
            box.add(new Paragraph(application.coverLetter()));
        }
        return box;
    }

    void save() {
        message.removeAll();
        try {
            rounds.rankCandidates(Objects.requireNonNull(round).id(), Objects.requireNonNull(position).positionId()
                    .value(), ranking.ranked().stream().map(c -> c.applicantId().value()).toList());
            message.add(new Paragraph(getTranslation("round.saved", ranking.ranked().size())));
            message.scrollIntoView();
        } catch (RuntimeException e) {
            message.add(RoundUi.problem(this, e));
            message.scrollIntoView();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("round.candidates.title") + " | " + getTranslation("app.name");
    }
}
