package no.alisportalen.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the configured administrator once; later changes to the password happen in the portal. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final AccountService accounts;

    AdminBootstrap(AdminProperties admin, AccountService accounts) {
        this.admin = admin;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByEmail(admin.email()).isPresent()) {
            return;
        }
        try {
            accounts.createUserUnchecked(new NewUser(admin.email(), admin.password(), admin.name(), Role.ADMIN, null, null));
            log.info("Created the administrator account {}", admin.email());
        } catch (no.alisportalen.base.ConflictException e) {
            log.debug("Administrator {} was created concurrently", admin.email());
        }
        if (AdminProperties.DEMO_PASSWORD.equals(admin.password())) {
            log.warn("The administrator uses the documented demo password; set PORTAL_ADMIN_PASSWORD outside demos.");
        }
    }
}
