package no.alisportalen.account.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import no.alisportalen.account.PortalUser;
import org.springframework.stereotype.Component;

/** A user with a temporary password reaches no view but the one that changes it (and logging out). */
@Component
class TemporaryPasswordGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(before -> {
            if (PortalUser.current().map(PortalUser::passwordChangeRequired).orElse(false)
                    && before.getNavigationTarget() != ChangePasswordView.class) {
                before.rerouteTo(ChangePasswordView.class);
            }
        }));
    }
}
