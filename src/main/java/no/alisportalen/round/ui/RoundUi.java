package no.alisportalen.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.round.Round;

/** What the round views share: dates, status badges, messages from the services. */
final class RoundUi {

    private RoundUi() {}

    static String deadlines(Component view, java.util.Locale locale, Round round) {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return view.getTranslation("round.deadlines", dates.format(round.applicantRankingDeadline()),
                dates.format(round.municipalityRankingDeadline()));
    }

    static Span status(Component view, Round round) {
        var badge = new Span(view.getTranslation("round.status." + round.status()));
        badge.getElement().getThemeList().add("badge");
        return badge;
    }

    /** A service's refusal as a sentence for the status area. */
    static Paragraph problem(Component view, RuntimeException e) {
        if (e instanceof ConflictException conflict) {
            return new Paragraph(view.getTranslation(conflict.messageKey(), conflict.args()));
        }
        if (e instanceof no.alisportalen.account.EmailUnconfirmedException) {
            return new Paragraph(view.getTranslation("problem.emailUnconfirmed.detail"));
        }
        if (e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            var first = invalid.problems().getFirst();
            return new Paragraph(view.getTranslation(first.messageKey(), first.args().toArray()));
        }
        throw e;
    }
}
