package no.alisportalen.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Unexpected errors in UI event handlers: logged, and the user sees a short localized message, not a trace. */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            log.error("Unexpected error in the UI", error.getThrowable());
            var ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(ui.getTranslation("error.unexpected"), 6000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.ERROR));
            }
        }));
    }
}
