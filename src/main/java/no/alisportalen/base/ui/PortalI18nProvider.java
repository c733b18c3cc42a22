package no.alisportalen.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import no.alisportalen.base.Messages;
import org.springframework.stereotype.Component;

/** Vaadin's translations come from the same bundles as the API's messages. */
@Component
class PortalI18nProvider implements I18NProvider {

    private final Messages messages;

    PortalI18nProvider(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.get(key, locale, params);
    }
}
