package no.alisportalen.round.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import no.alisportalen.round.Round;
import no.alisportalen.round.RoundService;
import no.alisportalen.round.RoundStatus;

/** "Matcherunder" for applicants and municipalities: the open and published rounds and what to do in each. */
@Route("runder")
@Menu(order = 33, title = "nav.rounds", icon = "vaadin:exchange")
@RolesAllowed({Role.Names.APPLICANT, Role.Names.MUNICIPALITY})
final class RoundsView extends Main implements HasDynamicTitle {

    RoundsView(RoundService rounds) {
        var user = PortalUser.current().orElseThrow();
        add(new H1(getTranslation("rounds.heading")), new Paragraph(getTranslation("rounds.intro." + user.role())));
        var list = new Div();
        list.setId("rounds");
        var visible = rounds.list(null).stream()
                .filter(r -> r.status() == RoundStatus.OPEN || r.status() == RoundStatus.PUBLISHED).toList();
        for (var round : visible) {
            if (user.role() == Role.MUNICIPALITY) {
                var own = round.positions().stream().filter(p -> user.actsFor(p.municipalityNumber())).toList();
                if (!own.isEmpty()) {
                    list.add(card(round, own));
                }
            } else {
                list.add(card(round, java.util.List.of()));
            }
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new Paragraph(getTranslation("rounds.empty")));
        }
        add(list);
    }

    private Section card(Round round, java.util.List<Round.RoundPosition> own) {
        var card = new Section();
        card.addClassName("round-card");
        var heading = new H2(round.name());
        var meta = new Paragraph(getTranslation("region." + round.region()) + " · "
                + getTranslation("rounds.positions", round.positions().size()) + " · ");
        meta.add(RoundUi.status(this, round));
        card.add(heading, meta, new Paragraph(RoundUi.deadlines(this, getLocale(), round)));
        if (own.isEmpty()) {
            // A link in a paragraph of its own: nothing but colour would set it apart inside a text.
            card.add(new Paragraph(new Anchor("runder/" + round.id(), getTranslation(round.status()
                    == RoundStatus.OPEN ? "rounds.rank" : "rounds.result", round.name()))));
        } else {
            var items = new UnorderedList();
            own.forEach(p -> items.add(new ListItem(new Anchor("runder/" + round.id() + "/stilling/"
                    + p.positionId().value(), getTranslation("rounds.rankCandidates", p.title())))));
            card.add(items);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rounds.heading") + " | " + getTranslation("app.name");
    }
}
