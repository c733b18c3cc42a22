package no.alisportalen.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import no.alisportalen.base.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every UI starts in Norwegian bokmål unless the visitor chose English (remembered in a cookie), whatever the
 * browser asks for; the page's {@code lang} attribute follows, so screen readers pronounce it right.
 */
@Component
class UiLanguage implements VaadinServiceInitListener {

    static final String COOKIE = "portal-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            var chosen = ui.getSession().getAttribute(COOKIE);
            apply(ui, chosen != null ? Messages.supported(Locale.forLanguageTag(chosen.toString()))
                    : fromCookie(VaadinRequest.getCurrent()));
        });
    }

    static void apply(UI ui, Locale locale) {
        ui.setLocale(locale);
        ui.getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
    }

    /** Switches language and remembers the choice for a year. */
    static void choose(UI ui, Locale locale) {
        var response = VaadinService.getCurrentResponse();
        if (response != null) {
            var cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        ui.getSession().setAttribute(COOKIE, locale.getLanguage());
        ui.getPage().reload();
    }

    private static Locale fromCookie(@Nullable VaadinRequest request) {
        var cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Messages.NORWEGIAN;
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .map(c -> Messages.supported(Locale.forLanguageTag(c.getValue()))).orElse(Messages.NORWEGIAN);
    }
}
