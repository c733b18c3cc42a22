package no.alisportalen.demo;

import java.util.List;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Loads the demo data after the administrator exists, acting as a system administrator. */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoProperties properties;
    private final Environment environment;
    private final AccountService accounts;

    DemoDataLoader(DemoProperties properties, Environment environment, AccountService accounts) {
        this.properties = properties;
        this.environment = environment;
        this.accounts = accounts;
    }

    boolean enabled() {
        var explicit = properties.enabled();
        return explicit != null ? explicit : environment.getProperty("spring.mongodb.uri", "").isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-loader", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            int created = 0;
            for (var user : DemoAccounts.STAFF) {
                if (accounts.findByEmail(user.email()).isEmpty()) {
                    accounts.createUser(user);
                    created++;
                }
            }
            for (var applicant : DemoAccounts.APPLICANTS) {
                if (accounts.findByEmail(applicant.email()).isEmpty()) {
                    accounts.registerApplicant(applicant);
                    created++;
                }
            }
            if (created > 0) {
                log.info("Demo data: created {} demo accounts (password in README)", created);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
