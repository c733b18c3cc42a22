package no.alisportalen.alert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import no.alisportalen.account.Role;
import no.alisportalen.alert.AlertService;
import no.alisportalen.alert.NewSavedSearch;
import no.alisportalen.alert.SavedSearch;
import no.alisportalen.alert.SavedSearchKind;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.notification.NotificationService;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;

/**
 * "Lagrede søk og favoritter". Links from the search page ({@code ?lagre=sok&…}), the matches page
 * ({@code ?lagre=onsker}) and a position page ({@code ?favoritt=id}) open a confirmation here; nothing is saved
 * until the applicant presses the button.
 */
@Route("lagrede-sok")
@Menu(order = 38, title = "nav.savedSearches", icon = "vaadin:bookmark")
@RolesAllowed(Role.Names.APPLICANT)
final class SavedSearchesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final AlertService alerts;
    private final PositionService positions;
    private final boolean mailEnabled;
    final Div pending = new Div();
    final TextField name = new TextField();
    final Checkbox email = new Checkbox();
    final Button confirm = new Button();
    final UnorderedList searches = new UnorderedList();
    final UnorderedList favourites = new UnorderedList();
    final Div message = new Div();
    private com.vaadin.flow.shared.Registration confirmAction = () -> { };

    SavedSearchesView(AlertService alerts, PositionService positions, NotificationService notifications) {
        this.alerts = alerts;
        this.positions = positions;
        this.mailEnabled = notifications.mailEnabled();
        pending.setId("pending-save");
        searches.setId("saved-searches");
        favourites.setId("favourites");
        message.setId("saved-message");
        message.getElement().setAttribute("role", "status");
        name.setId("saved-search-name");
        name.setLabel(getTranslation("saved.name"));
        name.setMaxLength(AlertService.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("saved.email"));
        email.setValue(true);
        email.setVisible(mailEnabled);
        confirm.setId("confirm-save");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H1(getTranslation("saved.heading")), new Paragraph(getTranslation("saved.intro")), pending, message,
                new Section(new H2(getTranslation("saved.searches")), searches),
                new Section(new H2(getTranslation("saved.favourites")), favourites));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        pending.removeAll();
        message.removeAll();
        var save = parameters.getSingleParameter("lagre").orElse(null);
        var favourite = parameters.getSingleParameter("favoritt").orElse(null);
        if ("sok".equals(save)) {
            var query = new LinkedHashMap<>(parameters.getParameters());
            query.remove("lagre");
            var queryString = new com.vaadin.flow.router.QueryParameters(query).getQueryString();
            offerSave(getTranslation("saved.offer.search"), queryString);
        } else if ("onsker".equals(save)) {
            offerSave(getTranslation("saved.offer.preferences"), null);
        } else if (favourite != null) {
            offerFavourite(favourite);
        }
        refresh();
    }

    private void offerSave(String text, String query) {
        name.setValue(query == null ? getTranslation("saved.defaultName.preferences")
                : getTranslation("saved.defaultName.search"));
        confirm.setText(getTranslation("saved.confirm"));
        confirmAction.remove();
        confirmAction = confirm.addClickListener(e -> {
            try {
                alerts.save(new NewSavedSearch(name.getValue(), query, null, email.getValue()));
                pending.removeAll();
                message.add(new Paragraph(getTranslation("saved.saved", name.getValue())));
                refresh();
            } catch (InvalidInputException ex) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation(ex.problems().getFirst().messageKey(),
                        ex.problems().getFirst().args().toArray()));
            }
        });
        pending.add(new Paragraph(text), name, email, confirm);
    }

    private void offerFavourite(String id) {
        try {
            var position = positions.find(new PositionId(id)).orElseThrow(() -> new NotFoundException("position"));
            confirm.setText(getTranslation("saved.favourite.confirm"));
            confirmAction.remove();
            confirmAction = confirm.addClickListener(e -> {
                alerts.addFavourite(position.id());
                pending.removeAll();
                message.add(new Paragraph(getTranslation("saved.favourite.added", position.data().title())));
                refresh();
            });
            pending.add(new Paragraph(getTranslation("saved.favourite.offer", position.data().title())), confirm);
        } catch (IllegalArgumentException | NotFoundException e) {
            message.add(new Paragraph(getTranslation("form.notFound")));
        }
    }

    private void refresh() {
        searches.removeAll();
        List<SavedSearch> saved = alerts.savedSearches();
        if (saved.isEmpty()) {
            searches.add(new ListItem(getTranslation("saved.searches.empty")));
        }
        for (var search : saved) {
            var item = new ListItem();
            var link = search.kind() == SavedSearchKind.SEARCH
                    ? new Anchor("stillinger?" + search.query(), search.name())
                    : new Anchor("mine/treff", search.name());
            item.add(link, new Span(" · " + getTranslation("saved.kind." + search.kind().name()) + " "));
            if (mailEnabled) {
                var mail = new Checkbox(getTranslation("saved.email.short"), search.email());
                mail.addValueChangeListener(e -> alerts.setEmail(search.id(), e.getValue()));
                mail.setAriaLabel(getTranslation("saved.email") + ": " + search.name());
                item.add(mail);
            }
            var delete = new Button(getTranslation("saved.delete"), e -> {
                alerts.delete(search.id());
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            delete.setAriaLabel(getTranslation("saved.delete") + ": " + search.name());
            item.add(delete);
            searches.add(item);
        }
        favourites.removeAll();
        var favs = alerts.favourites();
        if (favs.isEmpty()) {
            favourites.add(new ListItem(getTranslation("saved.favourites.empty")));
        }
        for (var favourite : favs) {
            var remove = new Button(getTranslation("saved.favourite.remove"), e -> {
                alerts.removeFavourite(favourite.positionId());
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.setAriaLabel(getTranslation("saved.favourite.remove") + ": " + favourite.positionTitle());
            favourites.add(new ListItem(new Anchor("stilling/" + favourite.positionId().value(),
                    favourite.positionTitle()), remove));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("saved.heading") + " | " + getTranslation("app.name");
    }
}
