package no.alisportalen.position;

import java.util.Locale;
import java.util.ResourceBundle;

/** The § 25 notice of a listed position, from the message bundles without a Spring bean (records carry it). */
final class ApplicantListNotice {

    private static final String KEY = "position.applicantListNotice";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ApplicantListNotice() {}

    static String text(Locale locale) {
        // The base bundle is Norwegian; without the no-fallback control a Norwegian request would fall back to the
        // JVM's default locale, often English.
        var bundle = "en".equals(locale.getLanguage())
                ? ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH, NO_FALLBACK)
                : ResourceBundle.getBundle("i18n/messages", Locale.ROOT, NO_FALLBACK);
        return bundle.getString(KEY);
    }
}
