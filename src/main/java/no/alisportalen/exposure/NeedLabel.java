package no.alisportalen.exposure;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.Collectors;

/** The "Trenger søkere" label of a result card, with why in words, for search and matches alike. */
public final class NeedLabel {

    private NeedLabel() {}

    public static Span of(Component view, List<NeedReason> reasons) {
        var badge = new Span(view.getTranslation("need.label"));
        badge.getElement().getThemeList().add("badge contrast");
        badge.addClassName("need-badge");
        var why = new Span(reasons.stream().map(r -> view.getTranslation("need.reason." + r.name()))
                .collect(Collectors.joining(" · ")));
        why.addClassName("need-why");
        var label = new Span(badge, new Span(" "), why);
        label.addClassName("need-label");
        return label;
    }
}
