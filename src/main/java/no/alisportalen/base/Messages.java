package no.alisportalen.base;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Localized texts from the {@code i18n/messages} bundles: Norwegian bokmål is the base bundle, English the
 * second language. Used by the API (request language) and by the Vaadin I18N provider (UI language).
 */
@Component
public class Messages {

    public static final Locale NORWEGIAN = Locale.forLanguageTag("nb");
    public static final List<Locale> SUPPORTED = List.of(NORWEGIAN, Locale.ENGLISH);

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Locale locale, Object... args) {
        return source.getMessage(key, args, "!" + key + "!", supported(locale));
    }

    /** In the language of the current request (Accept-Language), Norwegian when none is given. */
    public String get(String key, Object... args) {
        return get(key, LocaleContextHolder.getLocale(), args);
    }

    /** The request's language from Accept-Language; Norwegian when the header is absent. */
    public static Locale of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? NORWEGIAN : supported(request.getLocale());
    }

    public static Locale supported(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : NORWEGIAN;
    }
}
