package no.alisportalen.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import no.alisportalen.account.ApiKey;
import no.alisportalen.account.ApiKeyService;
import no.alisportalen.account.CreatedApiKey;
import no.alisportalen.account.Role;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.ui.FormErrors;
import org.jspecify.annotations.Nullable;

/**
 * A municipality, an ALIS office or an admin makes API keys for its integrations (HR systems, NAV, scripts):
 * named, with an expiry, shown once, revocable; the list says when each was last used.
 */
@Route("api-nokler")
@com.vaadin.flow.router.Menu(order = 94, title = "nav.apiKeys", icon = "vaadin:connect")
@RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ALIS_OFFICE, Role.Names.ADMIN})
final class ApiKeysView extends Main implements HasDynamicTitle {

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    final TextField name = new TextField();
    final DatePicker expires = new DatePicker();
    final Button create = new Button();
    final ApiKeyGrid grid;
    /** The last created key, while its dialog is open; tests read it here. */
    @Nullable CreatedApiKey shown;
    @Nullable Dialog shownDialog;

    private final ApiKeyService keys;

    ApiKeysView(ApiKeyService keys) {
        this.keys = keys;
        add(new H1(getTranslation("apiKeys.heading")), new Paragraph(getTranslation("apiKeys.intro")),
                new Anchor("swagger-ui.html", getTranslation("apiKeys.docs")));

        name.setLabel(getTranslation("apiKeys.name"));
        name.setHelperText(getTranslation("apiKeys.name.help"));
        name.setMaxLength(80);
        name.setRequiredIndicatorVisible(true);
        expires.setLabel(getTranslation("apiKeys.expires"));
        expires.setLocale(getLocale());
        expires.setValue(LocalDate.now(NORWAY).plusYears(1));
        expires.setMin(LocalDate.now(NORWAY).plusDays(1));
        create.setText(getTranslation("apiKeys.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> create());
        var form = new HorizontalLayout(name, expires, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid = new ApiKeyGrid(keys::mine, key -> keys.revoke(key.id()), getTranslation("apiKeys.list"));
        add(new H2(getTranslation("apiKeys.new")), form, new H2(getTranslation("apiKeys.list")), grid);
    }

    void create() {
        name.setInvalid(false);
        expires.setInvalid(false);
        try {
            var expiry = expires.getValue() == null ? null
                    : expires.getValue().plusDays(1).atStartOfDay(NORWAY).toInstant();
            var created = keys.create(name.getValue(), expiry);
            name.clear();
            grid.refresh();
            show(created);
        } catch (InvalidInputException e) {
            FormErrors.show(e, Map.of("name", name, "expiresAt", expires), this::getTranslation);
        }
    }

    private void show(CreatedApiKey created) {
        shown = created;
        var key = new TextArea(getTranslation("apiKeys.key"));
        key.setValue(created.key());
        key.setReadOnly(true);
        key.setWidthFull();
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("apiKeys.created.heading", created.name()));
        dialog.add(new Paragraph(getTranslation("apiKeys.created.once")), key,
                new Paragraph(getTranslation("apiKeys.created.use")));
        var close = new Button(getTranslation("apiKeys.created.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                shown = null;
            }
        });
        shownDialog = dialog;
        dialog.open();
    }

    void revoke(ApiKey key) {
        grid.revoke(key);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("apiKeys.heading") + " | " + getTranslation("app.name");
    }
}
