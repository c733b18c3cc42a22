package no.alisportalen.position.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A position as applicants see it: the facts a young doctor decides on first (pay, list, on-call, supervision,
 * incentives, deadline), then the description and contact. The public page and the form's preview both use
 * it, so the preview is exactly what applicants will see.
 */
final class PositionDetails extends Article {

    PositionDetails(Position position) {
        addClassName("position-details");
        var data = position.data();
        var status = statusNotice(position.status());
        if (status != null) {
            add(status);
        }
        add(new H1(data.title() == null ? "" : data.title()));
        var where = new Paragraph(getTranslation("page.location",
                data.workplace() == null ? position.municipalityName() : data.workplace() + ", " + position.municipalityName(),
                position.countyName(), getTranslation("region." + position.region().name())));
        where.addClassName("position-where");
        add(where);

        var facts = new DescriptionList();
        facts.addClassName("position-facts");
        facts.add(fact("page.setting", data.setting() == null ? getTranslation("page.notSet")
                : getTranslation("setting." + data.setting().name())));
        facts.add(fact("form.employmentForm", data.employmentForm() == EmploymentForm.SELF_EMPLOYED
                ? getTranslation("page.selfEmployed")
                : getTranslation("page.salaried") + (data.annualSalaryNok() == null ? ""
                        : " – " + getTranslation("page.salary", data.annualSalaryNok()))));
        facts.add(fact("page.list", data.listLength() == null ? getTranslation("page.noList")
                : getTranslation("page.listLength", data.listLength())));
        facts.add(fact("page.onCall", data.onCallRotation() == null ? getTranslation("page.noOnCall")
                : getTranslation("page.onCallRotation", data.onCallRotation())
                        + (data.onCallBackup() ? ", " + getTranslation("page.onCallBackup") : "")));
        facts.add(fact("page.supervision", supervision(position)));
        facts.add(fact("page.deadline", date(data.applicationDeadline())));
        facts.add(fact("page.start", date(data.startDate())));
        facts.add(fact("page.openings", data.openings() == null ? getTranslation("page.notSet")
                : String.valueOf(data.openings())));
        add(new Section(new H2(getTranslation("page.facts")), facts));
        add(valueSection(data));

        var incentives = new UnorderedList();
        data.incentives().forEach(i -> {
            var text = i.annualAmountNok() == null ? getTranslation("incentive." + i.type().name())
                    : getTranslation("page.incentiveAmount", getTranslation("incentive." + i.type().name()),
                            i.annualAmountNok());
            if (i.description() != null && !i.description().isBlank()) {
                text += " – " + i.description();
            }
            text += " (" + getTranslation(i.scheme() ? "page.incentive.scheme" : "page.incentive.own") + ")";
            incentives.add(new ListItem(text));
        });
        var incentiveSection = new Section(new H2(getTranslation("page.incentives")));
        incentiveSection.add(data.incentives().isEmpty() ? new Paragraph(getTranslation("page.noIncentives"))
                : incentives);
        add(incentiveSection);

        var agreements = new UnorderedList();
        agreements.add(new ListItem(getTranslation("page.introductionAgreement") + ": "
                + getTranslation(data.introductionAgreement() ? "page.yes" : "page.no")));
        agreements.add(new ListItem(getTranslation("page.alisAgreement") + ": "
                + getTranslation(data.alisAgreement() ? "page.yes" : "page.no")));
        data.alisAgreementElements().stream().sorted()
                .forEach(e -> agreements.add(new ListItem(data.alisAgreementElementsNok().containsKey(e)
                        ? getTranslation("page.incentiveAmount", getTranslation("element." + e.name()),
                                data.alisAgreementElementsNok().get(e))
                        : getTranslation("element." + e.name()))));
        if (data.recruitmentWeak()) {
            agreements.add(new ListItem(getTranslation("page.recruitmentWeak")));
        }
        add(new Section(new H2(getTranslation("page.agreements")), agreements));

        if (data.description() != null && !data.description().isBlank()) {
            // Sanitized on save (OWASP policy): only basic formatting can reach this point.
            add(new Section(new H2(getTranslation("page.description")),
                    new Html("<div class=\"position-description\">" + data.description() + "</div>")));
        }
        var contact = data.contact();
        if (contact.name() != null || contact.email() != null || contact.phone() != null) {
            var lines = new Div();
            for (var line : new String[] {contact.name(), contact.email(), contact.phone()}) {
                if (line != null && !line.isBlank()) {
                    lines.add(new Paragraph(line));
                }
            }
            add(new Section(new H2(getTranslation("page.contact")), lines));
        }
    }

    private @Nullable Component statusNotice(PositionStatus status) {
        var key = switch (status) {
            case DRAFT -> "page.status.draft";
            case CLOSED -> "page.status.closed";
            case FILLED -> "page.status.filled";
            case PUBLISHED -> null;
        };
        if (key == null) {
            return null;
        }
        var notice = new Paragraph(getTranslation(key));
        notice.addClassName("status-notice");
        notice.getElement().setAttribute("role", "status");
        return notice;
    }

    private String supervision(Position position) {
        var data = position.data();
        List<String> parts = new ArrayList<>();
        parts.add(data.supervisionHoursPerMonth() == null ? getTranslation("page.noSupervisionHours")
                : getTranslation("page.supervisionHours", data.supervisionHoursPerMonth()));
        if (data.supervisorOnSite()) {
            parts.add(getTranslation("page.supervisorOnSite"));
        }
        if (data.supervisionGroup()) {
            parts.add(getTranslation("page.supervisionGroup"));
        }
        return String.join(", ", parts);
    }

    private String date(@Nullable LocalDate date) {
        return date == null ? getTranslation("page.notSet")
                : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()));
    }

    private Div fact(String labelKey, String value) {
        var term = new DescriptionList.Term(getTranslation(labelKey));
        term.addClassName("fact-label");
        var definition = new DescriptionList.Description(value);
        definition.addClassName("fact-value");
        var fact = new Div(term, definition);
        fact.addClassName("fact");
        return fact;
    }
    /**
     * What the offer is worth a year, as one figure and a stacked bar of its parts; the list under the bar is its
     * text alternative. Self-employed: only the guaranteed parts, and a plain word that income depends on the list.
     */
    private Section valueSection(no.alisportalen.position.PositionData data) {
        var section = new Section(new H2(getTranslation("page.value")));
        section.addClassName("position-value");
        var total = data.yearlyValue();
        boolean selfEmployed = data.employmentForm() == EmploymentForm.SELF_EMPLOYED;
        var figure = new Paragraph(getTranslation(selfEmployed ? "page.value.guaranteed" : "page.value.total",
                no.alisportalen.base.ui.Money.nok(total, getLocale())));
        figure.addClassName("value-figure");
        section.add(figure);
        if (selfEmployed) {
            section.add(new Paragraph(getTranslation("page.value.selfEmployed")));
        }
        int[] parts = {data.salaryPartNok(), data.standardElementsNok(), data.totalIncentivesNok()};
        String[] keys = {"page.value.salary", "page.value.elements", "page.value.incentives"};
        if (total > 0) {
            var bar = new Div();
            bar.addClassName("value-bar");
            bar.getElement().setAttribute("aria-hidden", "true");
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] > 0) {
                    var segment = new Div();
                    segment.addClassNames("value-segment", "value-segment-" + i);
                    segment.getStyle().set("width", String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * parts[i] / total));
                    bar.add(segment);
                }
            }
            section.add(bar);
        }
        var legend = new UnorderedList();
        legend.addClassName("value-legend");
        for (int i = 0; i < parts.length; i++) {
            if (i == 0 && selfEmployed) {
                continue;
            }
            var swatch = new com.vaadin.flow.component.html.Span();
            swatch.addClassNames("value-swatch", "value-segment-" + i);
            swatch.getElement().setAttribute("aria-hidden", "true");
            legend.add(new ListItem(swatch, new com.vaadin.flow.component.html.Span(getTranslation(keys[i],
                    no.alisportalen.base.ui.Money.nok(parts[i], getLocale())))));
        }
        if (data.schemeExtrasNok() > 0) {
            legend.add(new ListItem(getTranslation("page.value.schemeExtras",
                    no.alisportalen.base.ui.Money.nok(data.schemeExtrasNok(), getLocale()))));
        }
        section.add(legend);
        return section;
    }

}
