package no.alisportalen.monitoring;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.TestUsers;
import no.alisportalen.account.AccountService;
import no.alisportalen.account.Role;
import no.alisportalen.matching.MatchService;
import no.alisportalen.matching.Preferences;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/**
 * The stats API for every role, counts and latent demand against an independent computation (the matching
 * model's Java hard constraints over every applicant, and the applications API), freshness, CSV, and what-if.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringIntegrationTest {

    static final String PASSWORD = "Et langt passord 2026";

    @LocalServerPort
    int port;

    @Autowired
    LatentDemand latentDemand;

    @Autowired
    AccountService accounts;

    @Autowired
    MatchService matches;

    @Autowired
    PositionService positions;

    @Autowired
    UserDetailsService users;

    TestApi api;
    String[] vefsn;
    String[] officeNord;
    String[] officeVest;
    String[] applicant;
    final String[] admin = {ADMIN_EMAIL, ADMIN_PASSWORD};
    String selfEmployed;
    String salaried;

    private String[] user(Map<String, String> scope) {
        return api.newUser(scope);
    }

    private String publish(String title, boolean fixedSalary) {
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "1824", "title", title,
                "employmentForm", fixedSalary ? "SALARIED" : "SELF_EMPLOYED", "setting", "GP_PRACTICE",
                "openings", 1, "listLength", 1_100, "onCallRotation", 4,
                "startDate", LocalDate.now().plusMonths(4).toString(),
                "applicationDeadline", LocalDate.now().plusDays(10).toString()));
        if (fixedSalary) {
            body.put("annualSalaryNok", 1_100_000);
        }
        var id = api.post("/api/v1/positions", body, vefsn).json().get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, vefsn).status()).isEqualTo(200);
        return id;
    }

    @BeforeAll
    void data() {
        api = new TestApi(port);
        vefsn = user(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1824"));
        officeNord = user(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        officeVest = user(Map.of("role", "ALIS_OFFICE", "region", "VEST"));
        var email = "stats-soker-" + UUID.randomUUID().toString().substring(0, 6) + "@test.no";
        api.post("/api/v1/applicants", Map.of("email", email, "password", PASSWORD, "name", "Søker", "stage", "LIS1"));
        no.alisportalen.TestConfirmations.confirm(email);
        applicant = new String[] {email, PASSWORD};
        api.listable(applicant, "Søker", "LIS1");
        // An applicant who must have a fixed salary, in Vefsn only: the self-employed position misses them.
        assertThat(api.put("/api/v1/me/preferences", Map.of("municipalities", List.of("1824"),
                "locationRequired", true, "fixedSalary", "REQUIRED", "minOnCallRotation", 3), applicant).status())
                .isEqualTo(200);
        selfEmployed = publish("ALIS Vefsn næringsdrift", false);
        salaried = publish("ALIS Vefsn fastlønn", true);
        api.post("/api/v1/positions/" + salaried + "/applications", Map.of("coverLetter", "Hei"), applicant);
        latentDemand.rebuild();
    }

    /** The independent count: every applicant's stored (or default) preferences through the matching model. */
    private long expectedPool(String positionId) {
        var position = positions.findForStatistics(new PositionId(positionId)).orElseThrow();
        var everyone = TestUsers.as(users, ADMIN_EMAIL, () -> accounts.all());
        return everyone.stream().filter(a -> a.role() == Role.APPLICANT)
                .filter(a -> matches.hardConstraints(matches.preferencesOf(a.id()).orElseGet(Preferences::defaults))
                        .test(position)).count();
    }

    private JsonNode row(String[] who, String positionId) {
        return api.get("/api/v1/stats/positions", who).json().valueStream()
                .filter(p -> p.get("positionId").asString().equals(positionId)).findFirst().orElseThrow();
    }

    @Test
    void counts_and_latent_demand_agree_with_an_independent_computation() {
        var all = api.get("/api/v1/stats/positions", admin).json();
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        int checked = 0;
        for (var row : all) {
            var id = row.get("positionId").asString();
            assertThat(row.get("matchingApplicants").asLong()).as("pool of %s", id).isEqualTo(expectedPool(id));
            var applications = api.get("/api/v1/positions/" + id + "/applications", admin).json().valueStream()
                    .filter(a -> !a.get("status").asString().equals("WITHDRAWN")).count();
            assertThat(row.get("applicationCount").asLong()).as("applications of %s", id).isEqualTo(applications);
            if (++checked == 40) {
                break; // a sample keeps the test quick; the two positions of this test come first (deadline)
            }
        }
        assertThat(row(officeNord, salaried).get("matchingApplicants").asLong())
                .isGreaterThan(row(officeNord, selfEmployed).get("matchingApplicants").asLong());
    }

    @Test
    void latent_demand_follows_a_change_of_preferences_within_a_minute() {
        long before = row(admin, selfEmployed).get("matchingApplicants").asLong();
        assertThat(api.put("/api/v1/me/preferences", Map.of("municipalities", List.of("1824"),
                "locationRequired", true), applicant).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> row(admin, selfEmployed).get("matchingApplicants").asLong() == before + 1);
        assertThat(api.put("/api/v1/me/preferences", Map.of("municipalities", List.of("1824"),
                "locationRequired", true, "fixedSalary", "REQUIRED", "minOnCallRotation", 3), applicant).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> row(admin, selfEmployed).get("matchingApplicants").asLong() == before);
    }

    @Test
    void each_role_sees_only_its_scope() {
        assertThat(api.get("/api/v1/stats/positions").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/stats/summary", applicant).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stats/positions", vefsn).status()).isEqualTo(403);
        var nord = api.get("/api/v1/stats/positions", officeNord).json();
        assertThat(nord.valueStream().allMatch(p -> p.get("region").asString().equals("NORD"))).isTrue();
        assertThat(api.get("/api/v1/stats/positions?region=NORD", officeNord).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/stats/positions?region=VEST", officeNord).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stats/summary?region=VEST", officeNord).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stats/positions.csv?region=VEST", officeNord).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stats/positions", officeVest).json().valueStream()
                .noneMatch(p -> p.get("positionId").asString().equals(salaried))).isTrue();
        assertThat(api.get("/api/v1/stats/positions?region=NOWHERE", admin).status()).isEqualTo(400);
        var vest = api.get("/api/v1/stats/positions?region=VEST", admin).json();
        assertThat(vest.valueStream().allMatch(p -> p.get("region").asString().equals("VEST"))).isTrue();

        var whatIf = "/api/v1/stats/positions/" + selfEmployed + "/what-if";
        assertThat(api.get(whatIf, vefsn).status()).isEqualTo(200);
        assertThat(api.get(whatIf, officeNord).status()).isEqualTo(200);
        assertThat(api.get(whatIf, admin).status()).isEqualTo(200);
        assertThat(api.get(whatIf, officeVest).status()).isEqualTo(403);
        assertThat(api.get(whatIf, applicant).status()).isEqualTo(403);
        assertThat(api.get(whatIf).status()).isEqualTo(401);
    }

    @Test
    void the_summary_adds_up_and_the_csv_holds_the_table() {
        var summary = api.get("/api/v1/stats/summary", officeNord).json();
        var rows = api.get("/api/v1/stats/positions", officeNord).json();
        var published = rows.valueStream().filter(p -> p.get("status").asString().equals("PUBLISHED")).toList();
        assertThat(summary.get("region").asString()).isEqualTo("NORD");
        assertThat(summary.get("publishedPositions").asLong()).isEqualTo(published.size());
        assertThat(summary.get("positionsWithZeroApplications").asLong())
                .isEqualTo(published.stream().filter(p -> p.get("applicationCount").asInt() == 0).count());
        long perMunicipality = summary.get("municipalities").valueStream()
                .mapToLong(m -> m.get("publishedPositions").asLong()).sum();
        assertThat(perMunicipality).isEqualTo(published.size());
        var vefsnRow = summary.get("municipalities").valueStream()
                .filter(m -> m.get("municipalityNumber").asString().equals("1824")).findFirst().orElseThrow();
        assertThat(vefsnRow.get("municipalityName").asString()).isEqualTo("Vefsn");
        assertThat(vefsnRow.get("applicationsByStatus").get("RECEIVED").asLong()).isGreaterThanOrEqualTo(1);

        var csv = api.get("/api/v1/stats/positions.csv", officeNord);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        var lines = csv.body().replace("\uFEFF", "").strip().split("\r\n");
        assertThat(lines[0]).startsWith("Stilling-ID;Tittel;Kommunenummer;Kommune;Region;Status");
        assertThat(lines).hasSize(rows.size() + 1);
        assertThat(csv.body()).contains(salaried + ";ALIS Vefsn fastlønn;1824;Vefsn;NORD;PUBLISHED");
        var municipalities = api.get("/api/v1/stats/municipalities.csv", officeNord).body();
        assertThat(municipalities).contains("1824;Vefsn;");
    }

    @Test
    void what_if_ranks_the_changes_that_widen_the_pool() {
        var report = api.get("/api/v1/stats/positions/" + selfEmployed + "/what-if", vefsn).json();
        long pool = report.get("pool").asLong();
        assertThat(pool).isEqualTo(expectedPool(selfEmployed));
        var changes = report.get("changes").valueStream().toList();
        assertThat(changes).extracting(c -> c.get("change").asString()).contains("FIXED_SALARY", "SHORTER_LIST",
                "RARER_ON_CALL", "EXTRA_INCENTIVE");
        var fixed = changes.stream().filter(c -> c.get("change").asString().equals("FIXED_SALARY")).findFirst()
                .orElseThrow();
        assertThat(fixed.get("gain").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(fixed.get("description").asString()).contains("fastlønn");
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i - 1).get("gain").asLong()).isGreaterThanOrEqualTo(changes.get(i).get("gain")
                    .asLong());
        }
        assertThat(changes.stream().filter(c -> c.get("change").asString().equals("EXTRA_INCENTIVE")).findFirst()
                .orElseThrow().get("gain").asLong()).isZero();
    }
}
