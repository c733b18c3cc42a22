package no.alisportalen.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.AdminProperties;
import no.alisportalen.application.ApplicationService;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.PositionService;
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
    private final no.alisportalen.exposure.ExposureService exposure;
    private final no.alisportalen.exposure.ApplicantNeeds needs;
    private final Map<String, org.springframework.security.core.userdetails.UserDetails> actors =
            new java.util.concurrent.ConcurrentHashMap<>();

    DemoDataLoader(DemoProperties properties, Environment environment, AccountService accounts,
            PositionService positions, MunicipalityService municipalities, Clock clock, UserDetailsService users,
            AdminProperties adminProperties, ApplicationService applications,
            no.alisportalen.matching.MatchService matches, no.alisportalen.alert.AlertService alerts,
            no.alisportalen.exposure.ExposureService exposure, no.alisportalen.exposure.ApplicantNeeds needs) {
        this.exposure = exposure;
        this.needs = needs;
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
        var applicants = java.util.stream.Stream.concat(DemoAccounts.APPLICANTS.stream(),
                DemoAccounts.MORE_APPLICANTS.stream()).filter(a -> accounts.findByEmail(a.email()).isEmpty()).toList();
        // Password hashing is most of an account's cost: both cores.
        applicants.parallelStream().forEach(accounts::registerApplicant);
        created += applicants.size();
        listable();
        if (created > 0) {
            log.info("Demo data: created {} demo accounts (password in README)", created);
        }
        if (positions.mine().isEmpty()) {
            long started = System.nanoTime();
            int steps = no.alisportalen.base.Backdating.during(this::loadHistory);
            // The story's visitors are written now, and every position's need for applicants follows from it.
            exposure.flush();
            needs.recompute();
            applicantListStory();
            log.info("Demo data: {} positions and four months of history ({} steps) in {} ms", DemoPositions.COUNT,
                    steps, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * One recruitment run through its applicant list (offentleglova § 25): two applicants ask to be left off, Bodø
     * grants one and refuses the other, who accepts being listed, and the list is published.
     */
    private void applicantListStory() {
        var municipality = "bodo@kommune.demo";
        var today = LocalDate.now(clock);
        var position = as(municipality, () -> {
            var created = positions.create(new no.alisportalen.position.PositionData("1804",
                    "ALIS Bodø sentrum – med offentlig søkerliste (demo)", null, null, null,
                    no.alisportalen.position.EmploymentForm.SALARIED, no.alisportalen.position.WorkSetting.GP_PRACTICE,
                    800, 1_150_000, true, true, java.util.Set.of(), false, List.of(), true, 4, false, 6, true,
                    today.plusMonths(3), today.plusDays(14), 1, null));
            return positions.publish(created.id(), created.version()).id();
        });
        var granted = as("student@lege.demo", () -> applications.apply(position,
                "Jeg er ferdig med studiet til sommeren og vil gjerne til Bodø.",
                "Jeg har ikke fortalt mitt nåværende studiested at jeg søker."));
        var refused = as("lis1@lege.demo", () -> applications.apply(position,
                "Jeg har LIS1 fra Nordlandssykehuset og vil bli allmennlege her.",
                "Jeg ønsker ikke at min nåværende arbeidsgiver skal vite at jeg søker."));
        as("lege@lege.demo", () -> applications.apply(position, "Jeg vil gjerne fortsette som ALIS i Bodø.", null));
        as(municipality, () -> {
            positions.close(position);
            applications.decideExemption(granted.id(), true,
                    "Søkeren er student og har et særlig behov; offentlighetens interesse veier lettere her.");
            return applications.decideExemption(refused.id(), false,
                    "Legestillinger er av stor offentlig interesse; behovet er ikke særlig nok.");
        });
        as("lis1@lege.demo", () -> applications.acceptListing(refused.id()));
    }

    /** Every demo applicant gets what an applicant list needs (offentleglova § 25), so each may apply. */
    private void listable() {
        var all = java.util.stream.Stream.concat(DemoAccounts.APPLICANTS.stream(), DemoAccounts.MORE_APPLICANTS.stream())
                .toList();
        var homes = List.of("1804", "0301", "4601", "5001", "3403", "4204");
        for (int i = 0; i < all.size(); i++) {
            var email = java.util.Objects.requireNonNull(all.get(i).email());
            var account = accounts.findByEmail(email).orElse(null);
            if (account == null || account.applicantDetails().birthDate() != null) {
                continue;
            }
            var gender = no.alisportalen.account.Gender.values()[i % 3];
            var home = account.homeMunicipality() != null ? account.homeMunicipality() : homes.get(i % homes.size());
            var birth = LocalDate.now(clock).minusYears(25 + i % 12).minusDays(17L * i);
            var phone = "+47 400 00 0" + (10 + i);
            as(email, () -> accounts.updateProfile(new no.alisportalen.account.ProfileUpdate(account.name(),
                    account.stage(), account.graduationYear(), home, birth, gender, null, phone,
                    "Cand.med. (demo)", "Demo: klinisk erfaring fra sykehus og legevakt.")));
        }
    }

    private int loadHistory() {
        var history = new DemoHistory(clock, adminProperties.email()).visitors(this::visit);
        var all = municipalities.all();
        var byNumber = all.stream().collect(java.util.stream.Collectors.toMap(
                no.alisportalen.municipality.Municipality::number, m -> m));
        var applicants = java.util.stream.Stream.concat(DemoAccounts.APPLICANTS.stream(),
                DemoAccounts.MORE_APPLICANTS.stream()).map(a -> java.util.Objects.requireNonNull(a.email())).toList();
        history.plan(DemoPositions.plan(all, LocalDate.now(clock)), byNumber, applicants, positions, applications,
                () -> alerts.evaluatePendingChanges(), demoPreferences());
        return history.run(this::as);
    }

    /** Anonymous visitors through the exposure service, each a distinct viewer (so none is a repeat). */
    private void visit(no.alisportalen.position.PositionId position, String week, int impressions, int views,
            int applyClicks) {
        for (int i = 0; i < impressions; i++) {
            var viewer = new no.alisportalen.exposure.Viewer("demo|" + position.value() + "|" + week + "|" + i, true);
            exposure.impressions(List.of(position), viewer);
            if (i < views) {
                exposure.view(position, viewer);
            }
            if (i < applyClicks) {
                exposure.applyClick(position, viewer);
            }
        }
    }

    /** Each demo applicant's wishes (so "Mine treff" shows something real) and one saved alert on them. */
    private List<Map.Entry<String, Runnable>> demoPreferences() {
        var plans = new java.util.LinkedHashMap<String, no.alisportalen.matching.Preferences>();
        plans.put("student@lege.demo", demoPrefs(b -> {
            b.regions = java.util.Set.of(no.alisportalen.municipality.Region.NORD);
            b.homeMunicipality = "1804";
        }));
        plans.put("lis1@lege.demo", demoPrefs(b -> {
            b.regions = java.util.Set.of(no.alisportalen.municipality.Region.VEST);
            b.locationRequired = true;
            b.maxListLength = 1_000;
            b.fixedSalary = no.alisportalen.matching.Requirement.REQUIRED;
            b.minOnCallRotation = 5;
        }));
        plans.put("lege@lege.demo", demoPrefs(b -> {
            b.homeMunicipality = "0301";
            b.maxDistanceKm = 200;
            b.supervisorOnSite = no.alisportalen.matching.Requirement.REQUIRED;
        }));
        return plans.entrySet().stream().map(e -> Map.entry(e.getKey(), (Runnable) () -> {
            matches.savePreferences(e.getValue());
            alerts.save(new no.alisportalen.alert.NewSavedSearch("Mine ønsker (demo)", null, null, false));
        })).toList();
    }

    private static no.alisportalen.matching.Preferences demoPrefs(
            java.util.function.Consumer<no.alisportalen.matching.Preferences.Builder> change) {
        var builder = no.alisportalen.matching.Preferences.defaults().toBuilder();
        change.accept(builder);
        return builder.build();
    }

    private <T> T as(String email, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        // Hundreds of steps by a few dozen actors: each account is read once.
        var user = actors.computeIfAbsent(email, users::loadUserByUsername);
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
