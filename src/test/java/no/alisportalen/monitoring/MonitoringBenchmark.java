package no.alisportalen.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import no.alisportalen.TestApi;
import no.alisportalen.TestUsers;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import no.alisportalen.matching.MatchService;
import no.alisportalen.matching.Preferences;
import no.alisportalen.matching.Requirement;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.BenchmarkLoader;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.WorkSetting;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Monitoring benchmark, not a test (part of {@code ./mvnw -Pbenchmark test}): latent demand for 10,000 positions
 * and 50,000 applicants, its freshness after one applicant changes preferences, and loading a region's
 * dashboard figures. Writes target/benchmark/monitoring.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.data-dir=target/benchmark-monitoring-data", "portal.demo.enabled=false",
            "portal.elasticsearch.embedded.heap=1g", "logging.level.no.alisportalen=warn"})
@ActiveProfiles("test")
class MonitoringBenchmark {

    static final int POSITIONS = Integer.getInteger("benchmark.monitoring.positions", 10_000);
    static final int APPLICANTS = Integer.getInteger("benchmark.monitoring.applicants", 50_000);

    @Autowired
    LatentDemand latentDemand;

    @Autowired
    StatsService stats;

    @Autowired
    MatchService matches;

    @Autowired
    MunicipalityService municipalities;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    UserDetailsService users;

    @Autowired
    EmbeddedElasticsearch elasticsearch;

    final StringBuilder report = new StringBuilder();

    @Test
    void benchmark() throws Exception {
        assertThat(elasticsearch.awaitHealthy(Duration.ofMinutes(3))).isTrue();
        line("# Monitoring benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                + ", embedded store and embedded Elasticsearch 8.19 (heap 1 GB).");
        line("");
        load();
        rebuild();
        freshness();
        dashboard();
    }

    private void load() {
        var random = new Random(5);
        long positions = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "positions");
        if (positions < POSITIONS) {
            var all = municipalities.all();
            var today = LocalDate.now(ZoneId.of("Europe/Oslo"));
            List<PositionData> batch = new ArrayList<>();
            for (long i = positions; i < POSITIONS; i++) {
                var m = all.get(random.nextInt(all.size()));
                boolean salaried = random.nextBoolean();
                batch.add(new PositionData(m.number(), "ALIS " + m.name() + " " + i, null, null, null,
                        salaried ? EmploymentForm.SALARIED : EmploymentForm.SELF_EMPLOYED,
                        WorkSetting.values()[random.nextInt(5)], random.nextInt(5) == 0 ? null : 400 + 50 * random.nextInt(30),
                        salaried ? 900_000 + 10_000 * random.nextInt(50) : null, random.nextBoolean(), true, Set.of(),
                        m.centrality() >= 5, List.of(), random.nextBoolean(), 4, false,
                        random.nextInt(5) == 0 ? null : 2 + random.nextInt(10), false, today.plusDays(60 + random.nextInt(200)),
                        today.plusDays(5 + random.nextInt(50)), 1, Contact.empty()));
            }
            for (int from = 0; from < batch.size(); from += 5_000) {
                BenchmarkLoader.publishAll(mongo, municipalities, batch.subList(from, Math.min(batch.size(), from + 5_000)),
                        java.time.Clock.systemUTC());
            }
        }
        long applicants = mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("role").is("APPLICANT")), "accounts");
        if (applicants < APPLICANTS) {
            var all = municipalities.all();
            List<Document> accounts = new ArrayList<>();
            List<Document> preferences = new ArrayList<>();
            for (long i = applicants; i < APPLICANTS; i++) {
                var id = new ObjectId();
                accounts.add(new Document("_id", id).append("email", "bench-" + i + "@lege.test")
                        .append("passwordHash", "{noop}x").append("name", "Søker " + i).append("role", "APPLICANT")
                        .append("stage", "LIS1").append("createdAt", new java.util.Date()));
                if (random.nextInt(10) < 8) {
                    var b = Preferences.defaults().toBuilder();
                    if (random.nextBoolean()) {
                        b.regions = Set.of(Region.values()[random.nextInt(6)]);
                        b.locationRequired = random.nextBoolean();
                    }
                    if (random.nextInt(3) == 0) {
                        b.homeMunicipality = all.get(random.nextInt(all.size())).number();
                        b.maxDistanceKm = 50 + random.nextInt(400);
                    }
                    b.maxListLength = random.nextBoolean() ? 600 + 100 * random.nextInt(10) : null;
                    b.fixedSalary = Requirement.values()[random.nextInt(3)];
                    b.supervisorOnSite = Requirement.values()[random.nextInt(3)];
                    b.minOnCallRotation = random.nextInt(3) == 0 ? 3 + random.nextInt(5) : null;
                    var document = new Document();
                    mongo.getConverter().write(new PreferencesForBenchmark(id.toHexString(), b.build(), Instant.now()),
                            document);
                    preferences.add(document);
                }
                if (accounts.size() == 5_000) {
                    flush(accounts, preferences);
                }
            }
            flush(accounts, preferences);
        }
    }

    /** Same shape as the matching feature's stored preferences. */
    @org.springframework.data.mongodb.core.mapping.Document("preferences")
    record PreferencesForBenchmark(@org.springframework.data.annotation.Id String id, Preferences preferences,
            Instant updatedAt) {}

    private void flush(List<Document> accounts, List<Document> preferences) {
        if (!accounts.isEmpty()) {
            mongo.getCollection("accounts").insertMany(accounts);
            accounts.clear();
        }
        if (!preferences.isEmpty()) {
            preferences.forEach(d -> d.remove("_class"));
            mongo.getCollection("preferences").insertMany(preferences);
            preferences.clear();
        }
    }

    private void rebuild() {
        List<LatentDemand.RebuildFigures> runs = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            runs.add(latentDemand.rebuild());
            totals.add((System.nanoTime() - t0) / 1_000_000);
        }
        line("## Latent demand for every position");
        line("");
        line("| run | applicants indexed | positions counted | index applicants ms | count positions ms | total s |");
        line("| --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < runs.size(); i++) {
            var r = runs.get(i);
            line("| " + (i + 1) + " | " + r.applicants() + " | " + r.positions() + " | " + r.indexMillis() + " | "
                    + r.countMillis() + " | " + fmt(totals.get(i) / 1000.0) + " |");
        }
        line("");
        line("Goal: all positions within 30 s.");
        line("");
    }

    private void freshness() throws Exception {
        // One applicant changes preferences through the service; the scheduled worker picks it up.
        var email = "bench-fresh@lege.test";
        TestUsers.ensureApplicant(applicationContextAccounts(), email, "Fersk");
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var before = mongo.findById("counts", Document.class, LatentDemand.COUNTS).get("computedAt");
            long t0 = System.nanoTime();
            int round = i;
            TestUsers.as(users, email, () -> {
                var b = Preferences.defaults().toBuilder();
                b.maxListLength = 800 + round;
                return matches.savePreferences(b.build());
            });
            while (before.equals(mongo.findById("counts", Document.class, LatentDemand.COUNTS).get("computedAt"))) {
                Thread.sleep(100);
            }
            delays.add((System.nanoTime() - t0) / 1_000_000);
        }
        line("## Freshness after one applicant changes preferences");
        line("");
        line("From the save until every position's count had been redone: " + delays + " ms (goal: within a minute; "
                + "includes waiting for the 5-second schedule).");
        line("");
    }

    @Autowired
    no.alisportalen.account.AccountService accountService;

    private no.alisportalen.account.AccountService applicationContextAccounts() {
        return accountService;
    }

    private void dashboard() {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
                var figures = stats.figures(Region.NORD);
                return stats.summarize(figures);
            });
            if (i >= 2) {
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        Collections.sort(times);
        line("## Dashboard figures for one region (NORD)");
        line("");
        line("Positions, applications, latent demand and the per-municipality summary, read and computed: median "
                + times.get(times.size() / 2) + " ms, max " + times.getLast() + " ms (10 runs after 2 warm-ups).");
        line("");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private void line(String text) {
        report.append(text).append('\n');
        try {
            Files.createDirectories(Path.of("target/benchmark"));
            Files.writeString(Path.of("target/benchmark/monitoring.md"), report.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
