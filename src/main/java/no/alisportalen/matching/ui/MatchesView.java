package no.alisportalen.matching.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Objects;
import no.alisportalen.account.Role;
import no.alisportalen.base.ServiceUnavailableException;
import no.alisportalen.matching.Match;
import no.alisportalen.matching.MatchService;

/** "Mine treff": open positions ranked by the applicant's preferences, each with its reasons, and what-ifs. */
@Route("mine/treff")
@Menu(order = 31, title = "nav.matches", icon = "vaadin:star")
@RolesAllowed(Role.Names.APPLICANT)
final class MatchesView extends Main implements HasDynamicTitle {

    static final int PAGE = 20;

    private final MatchService matches;
    final Div list = new Div();
    final UnorderedList whatIf = new UnorderedList();
    final Paragraph summary = new Paragraph();
    final Button more = new Button();
    private int page;

    private final no.alisportalen.exposure.ExposureService exposure;

    MatchesView(MatchService matches, no.alisportalen.exposure.ExposureService exposure) {
        this.matches = matches;
        this.exposure = exposure;
        list.setId("matches");
        whatIf.setId("what-if");
        summary.setId("matches-summary");
        summary.getElement().setAttribute("role", "status");
        more.setText(getTranslation("matches.more"));
        more.addClickListener(e -> load(page + 1));
        var side = new Aside(new H2(getTranslation("matches.whatIf")), new Paragraph(getTranslation(
                "matches.whatIf.intro")), whatIf);
        side.addClassName("what-if");
        var actions = new Paragraph(new Anchor("mine/onsker", getTranslation("matches.edit")), new Span(" · "),
                new Anchor("lagrede-sok?lagre=onsker", getTranslation("matches.saveAlert")));
        actions.setId("matches-actions");
        var layout = new Div(new Div(summary, list, more), side);
        layout.addClassName("matches-layout");
        add(new H1(getTranslation("matches.heading")), new Paragraph(getTranslation("matches.intro")), actions, layout);
        load(0);
    }

    private void load(int next) {
        try {
            var result = matches.myMatches(next, PAGE, getLocale());
            page = next;
            if (next == 0) {
                list.removeAll();
                whatIf.removeAll();
                result.whatIf().forEach(w -> whatIf.add(new ListItem(getTranslation("matches.whatIf.item",
                        w.additional(), w.description()))));
                if (result.whatIf().isEmpty()) {
                    whatIf.add(new ListItem(getTranslation("matches.whatIf.none")));
                }
            }
            summary.setText(getTranslation("matches.summary", result.total()));
            result.items().forEach(m -> list.add(card(m)));
            exposure.impressions(result.items().stream().map(m -> m.position().id()).toList());
            more.setVisible((long) (page + 1) * PAGE < result.total());
        } catch (ServiceUnavailableException e) {
            summary.setText(getTranslation("search.unavailable"));
            more.setVisible(false);
        }
    }

    private Section card(Match match) {
        var position = match.position();
        var card = new Section();
        card.addClassName("match-card");
        var score = new Span(getTranslation("matches.score", match.score()));
        score.getElement().getThemeList().add("badge");
        score.addClassName("match-score");
        var title = new H2(new Anchor("stilling/" + position.id().value(),
                Objects.requireNonNullElse(position.data().title(), "")));
        var where = new Paragraph(position.municipalityName() + ", " + position.countyName()
                + (match.distanceKm() == null ? "" : " · " + getTranslation("search.card.distance",
                        Math.round(match.distanceKm()))));
        var reasons = new UnorderedList();
        reasons.addClassName("match-reasons");
        for (var criterion : match.criteria()) {
            var outcome = new Span(getTranslation("matches.outcome." + criterion.outcome().name()) + ": ");
            outcome.addClassName("outcome-" + criterion.outcome().name().toLowerCase(Locale.ROOT));
            reasons.add(new ListItem(outcome, new Span(criterion.detail())));
        }
        var data = position.data();
        var value = new Paragraph(getTranslation(data.employmentForm() == no.alisportalen.position.EmploymentForm.SELF_EMPLOYED
                ? "matches.valueGuaranteed" : "matches.value",
                no.alisportalen.base.ui.Money.nok(data.yearlyValue(), getLocale())));
        value.addClassName("match-value");
        card.add(score, title, where, value);
        if (match.needsApplicants()) {
            card.add(new Paragraph(no.alisportalen.exposure.NeedLabel.of(this, match.needReasons())));
        }
        card.add(reasons);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("matches.heading") + " | " + getTranslation("app.name");
    }
}
