package no.alisportalen.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.alisportalen.account.ApiKey;

/**
 * API keys in a grid, each with its revoke button behind a confirmation: the owner's own keys on *API-nøkler*,
 * and any user's keys for an admin on *Brukere*.
 */
final class ApiKeyGrid extends Grid<ApiKey> {

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final Supplier<List<ApiKey>> source;
    private final Consumer<ApiKey> revoker;
    private final DateTimeFormatter format;

    ApiKeyGrid(Supplier<List<ApiKey>> source, Consumer<ApiKey> revoker, String ariaLabel) {
        this.source = source;
        this.revoker = revoker;
        this.format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        addColumn(ApiKey::name).setHeader(getTranslation("apiKeys.name")).setFlexGrow(2);
        addColumn(k -> k.prefix() + "…").setHeader(getTranslation("apiKeys.prefix"));
        addColumn(k -> date(k.createdAt())).setHeader(getTranslation("apiKeys.created"));
        addColumn(k -> date(k.expiresAt())).setHeader(getTranslation("apiKeys.expires"));
        addColumn(k -> k.lastUsedAt() == null ? getTranslation("apiKeys.neverUsed") : date(k.lastUsedAt()))
                .setHeader(getTranslation("apiKeys.lastUsed"));
        addColumn(k -> getTranslation("apiKeys.status." + k.status().name()))
                .setHeader(getTranslation("apiKeys.status"));
        addComponentColumn(this::revokeButton).setHeader(getTranslation("apiKeys.actions"));
        setAllRowsVisible(true);
        setAriaLabel(ariaLabel);
        refresh();
    }

    void refresh() {
        setItems(source.get());
    }

    /** Revokes without asking again (the confirmation dialog's action; tests call it directly). */
    void revoke(ApiKey key) {
        revoker.accept(key);
        refresh();
    }

    private Button revokeButton(ApiKey key) {
        var button = new Button(getTranslation("apiKeys.revoke"));
        button.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        button.setAriaLabel(getTranslation("apiKeys.revoke.label", key.name()));
        button.setEnabled(key.status() == ApiKey.Status.ACTIVE);
        button.addClickListener(e -> {
            var dialog = new ConfirmDialog(getTranslation("apiKeys.revoke.heading"),
                    getTranslation("apiKeys.revoke.confirm", key.name()), getTranslation("apiKeys.revoke"),
                    ok -> revoke(key));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("apiKeys.revoke.cancel"));
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });
        return button;
    }

    private String date(Instant instant) {
        return format.format(instant.atZone(NORWAY));
    }
}
