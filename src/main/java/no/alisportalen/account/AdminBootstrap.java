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

    AdminBootstrap(AdminProperties admin, AccountService accounts, org.springframework.core.env.Environment env) {
        this.admin = admin;
        this.accounts = accounts;
        refuseDemoPasswordOutsideTheEmbeddedRun(admin, env);
    }

    /**
     * On a real MongoDB (anything but the embedded default) the portal does not start with the documented demo
     * password or one the password policy refuses: the first administrator would otherwise be guessable.
     */
    static void refuseDemoPasswordOutsideTheEmbeddedRun(AdminProperties admin, org.springframework.core.env.Environment env) {
        if (env.getProperty("spring.mongodb.uri", "").isBlank()) {
            return;
        }
        if (AdminProperties.DEMO_PASSWORD.equals(admin.password())
                || !PasswordPolicy.check(admin.password(), admin.email()).isEmpty()) {
            throw new IllegalStateException("PORTAL_ADMIN_PASSWORD must be set to a secret of "
                    + PasswordPolicy.MIN_LENGTH + "-" + PasswordPolicy.MAX_LENGTH + " characters that is not the "
                    + "documented demo password when the portal runs on a real MongoDB (spring.mongodb.uri).");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByEmail(admin.email()).isPresent()) {
            return;
        }
        try {
            accounts.createUserUnchecked(new NewUser(admin.email(), admin.password(), admin.name(), Role.ADMIN, null, null));
            log.info("Created the administrator account from portal.admin.email");
        } catch (no.alisportalen.base.ConflictException e) {
            log.debug("Administrator {} was created concurrently", admin.email());
        }
        if (AdminProperties.DEMO_PASSWORD.equals(admin.password())) {
            log.warn("The administrator uses the documented demo password (allowed only in the embedded run).");
        }
    }
}
