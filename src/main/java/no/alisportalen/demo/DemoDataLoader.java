package no.alisportalen.demo;

import java.time.Clock;
import java.time.LocalDate;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.AdminProperties;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.PositionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
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
    private final PositionService positions;
    private final MunicipalityService municipalities;
    private final Clock clock;
    private final UserDetailsService users;
    private final AdminProperties adminProperties;
    private final ApplicationService applications;
    private final no.alisportalen.matching.MatchService matches;
    private final no.alisportalen.alert.AlertService alerts;

    DemoDataLoader(DemoProperties properties, Environment environment, AccountService accounts,
            PositionService positions, MunicipalityService municipalities, Clock clock, UserDetailsService users,
            AdminProperties adminProperties, ApplicationService applications,
            no.alisportalen.matching.MatchService matches, no.alisportalen.alert.AlertService alerts) {
        this.matches = matches;
        this.alerts = alerts;
        this.applications = applications;
        this.users = users;
        this.adminProperties = adminProperties;
        this.properties = properties;
        this.environment = environment;
        this.accounts = accounts;
        this.positions = positions;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    boolean enabled() {
        var explicit = properties.enabled();
        return explicit != null ? explicit : environment.getProperty("spring.mongodb.uri", "").isBlank();
    }

    private void loadPositions() {
        long started = System.nanoTime();
        int count = 0;
        for (var planned : DemoPositions.plan(municipalities.all(), LocalDate.now(clock))) {
            var position = positions.create(planned.data());
            if (planned.status() != PositionStatus.DRAFT) {
                position = positions.publish(position.id(), position.version());
            }
            if (planned.status() == PositionStatus.CLOSED) {
                positions.close(position.id());
            }
            count++;
        }
        log.info("Demo data: created {} positions in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        // Acts as the configured administrator, so method security and the audit trail apply as usual.
        as(adminProperties.email(), () -> {
            load();
            return null;
        });
    }

    private void load() {
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
        if (positions.mine().isEmpty()) {
            loadPositions();
            loadApplications();
        }
    }

    /** The demo applicants apply to a few open positions in Bodø and Tromsø; Bodø invites one to an interview. */
    private void loadApplications() {
        var today = LocalDate.now(clock);
        var open = positions.mine().stream().filter(p -> p.isOpen(today))
                .filter(p -> p.municipalityNumber().equals("1804") || p.municipalityNumber().equals("5501"))
                .sorted(java.util.Comparator.comparing(p -> p.id().value())).toList();
        if (open.isEmpty()) {
            return;
        }
        int count = 0;
        no.alisportalen.application.Application first = null;
        for (int i = 0; i < DemoAccounts.APPLICANTS.size(); i++) {
            var applicant = DemoAccounts.APPLICANTS.get(i);
            for (int j = 0; j < Math.min(3, open.size()); j++) {
                var position = open.get((i + j) % open.size());
                var application = as(applicant.email(), () -> applications.apply(position.id(), DemoAccounts.LETTER));
                first = first == null ? application : first;
                count++;
            }
        }
        var invited = java.util.Objects.requireNonNull(first);
        as(invited.municipalityNumber().equals("1804") ? "bodo@kommune.demo" : "tromso@kommune.demo",
                () -> applications.changeStatus(invited.id(), no.alisportalen.application.ApplicationStatus.INTERVIEW,
                        "Demo: intervju avtalt", null));
        log.info("Demo data: created {} applications", count);
        demoPreferences();
    }

    /** Each demo applicant gets preferences (so "Mine treff" shows something real) and one saved alert. */
    private void demoPreferences() {
        var plans = java.util.Map.of(
                "student@lege.demo", demoPrefs(b -> {
                    b.regions = java.util.Set.of(no.alisportalen.municipality.Region.NORD);
                    b.homeMunicipality = "1804";
                }),
                "lis1@lege.demo", demoPrefs(b -> {
                    b.regions = java.util.Set.of(no.alisportalen.municipality.Region.VEST);
                    b.locationRequired = true;
                    b.maxListLength = 1_000;
                    b.fixedSalary = no.alisportalen.matching.Requirement.REQUIRED;
                    b.minOnCallRotation = 5;
                }),
                "lege@lege.demo", demoPrefs(b -> {
                    b.homeMunicipality = "0301";
                    b.maxDistanceKm = 200;
                    b.supervisorOnSite = no.alisportalen.matching.Requirement.REQUIRED;
                }));
        plans.forEach((email, preferences) -> as(email, () -> {
            matches.savePreferences(preferences);
            return alerts.save(new no.alisportalen.alert.NewSavedSearch("Mine ønsker (demo)", null, null, false));
        }));
    }

    private static no.alisportalen.matching.Preferences demoPrefs(
            java.util.function.Consumer<no.alisportalen.matching.Preferences.Builder> change) {
        var builder = no.alisportalen.matching.Preferences.defaults().toBuilder();
        change.accept(builder);
        return builder.build();
    }

    private <T> T as(String email, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var user = users.loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
