package no.alisportalen.matching;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.search.PositionSearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The matching API: anonymous matches, the applicant's stored preferences, validation and roles. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingApiIntegrationTest {

    static final String PASSWORD = "Et langt passord 2026";

    @LocalServerPort
    int port;

    @Autowired
    PositionSearchService search;

    TestApi api;
    String[] applicant;
    String[] municipality;
    String uniqueTitle;

    @BeforeAll
    void data() {
        api = new TestApi(port);
        var email = "match-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        assertThat(api.post("/api/v1/applicants", Map.of("email", email, "password", PASSWORD, "name", "Matcher",
                "stage", "LIS1")).status()).isEqualTo(201);
        applicant = new String[] {email, PASSWORD};
        var user = "vinje-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        assertThat(api.post("/api/v1/admin/users", Map.of("email", user, "password", PASSWORD, "name", "Vinje",
                "role", "MUNICIPALITY", "municipalityNumber", "4036"), ADMIN_EMAIL, ADMIN_PASSWORD).status())
                .isEqualTo(201);
        municipality = new String[] {user, PASSWORD};
        // A position in Vinje with on-call 1:3 and a 1,100 list: found only when the applicant relaxes.
        uniqueTitle = "ALIS Vinje match " + UUID.randomUUID().toString().substring(0, 6);
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "4036", "title", uniqueTitle,
                "employmentForm", "SALARIED", "setting", "GP_PRACTICE", "annualSalaryNok", 1_200_000,
                "listLength", 1_100, "onCallRotation", 3, "openings", 1,
                "startDate", LocalDate.now().plusMonths(5).toString(),
                "applicationDeadline", LocalDate.now().plusMonths(1).toString()));
        var id = api.post("/api/v1/positions", body, municipality).json().get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, municipality).status()).isEqualTo(200);
        search.flush();
    }

    private Map<String, Object> vinjeOnly() {
        var p = new HashMap<String, Object>();
        p.put("municipalities", List.of("4036"));
        p.put("locationRequired", true);
        p.put("homeMunicipality", "4036");
        p.put("maxListLength", 1_200);
        p.put("fixedSalary", "REQUIRED");
        return p;
    }

    @Test
    void anyone_gets_ranked_explained_matches_for_given_preferences() {
        var response = api.post("/api/v1/matches?size=50", vinjeOnly());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var result = response.json();
        var item = result.get("items").valueStream()
                .filter(i -> i.get("position").get("title").asString().equals(uniqueTitle)).findFirst().orElseThrow();
        assertThat(item.get("score").asInt()).isBetween(0, 100);
        var criteria = item.get("criteria").valueStream().collect(java.util.stream.Collectors.toMap(
                c -> c.get("criterion").asString(), c -> c));
        assertThat(criteria.get("LIST_LENGTH").get("detail").asString())
                .isEqualTo("Listelengde 1100 — under ditt maks på 1200.");
        assertThat(criteria.get("LIST_LENGTH").get("outcome").asString()).isEqualTo("PARTIAL");
        assertThat(criteria.get("ON_CALL").get("outcome").asString()).isEqualTo("UNMET");
        assertThat(criteria.get("LOCATION").get("outcome").asString()).isEqualTo("MET");
        assertThat(criteria.get("DISTANCE").get("detail").asString()).startsWith("0 km fra Vinje");
        assertThat(item.get("position").has("applicationCount")).isFalse();

        var english = api.send(api.request("/api/v1/matches?size=50").header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"municipalities\":[\"4036\"],\"locationRequired\":true,\"maxListLength\":1200}")));
        assertThat(english.body()).contains("List length 1100 — under your maximum of 1200.");
    }

    @Test
    void what_if_shows_what_relaxing_a_hard_constraint_would_add() {
        var strict = vinjeOnly();
        strict.put("minOnCallRotation", 4);
        strict.put("maxListLength", 1_000);
        var result = api.post("/api/v1/matches", strict).json();
        assertThat(result.get("items").valueStream().map(i -> i.get("position").get("title").asString()))
                .doesNotContain(uniqueTitle);
        var whatIf = result.get("whatIf").valueStream().collect(java.util.stream.Collectors.toMap(
                w -> w.get("constraint").asString(), w -> w));
        // Relaxing one of the two alone does not let the position in; the list-length step does not either.
        assertThat(whatIf).doesNotContainKey("ON_CALL");
        strict.remove("maxListLength");
        var onCallOnly = api.post("/api/v1/matches", strict).json().get("whatIf").valueStream()
                .filter(w -> w.get("constraint").asString().equals("ON_CALL")).findFirst().orElseThrow();
        assertThat(onCallOnly.get("description").asString()).isEqualTo("hvis du godtar vakt 1:3");
        assertThat(onCallOnly.get("additional").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void invalid_preferences_and_paging_get_problem_details() {
        var bad = new HashMap<String, Object>();
        bad.put("maxDistanceKm", 100);
        bad.put("municipalities", List.of("9999"));
        bad.put("weights", Map.of("location", 9));
        bad.put("earliestStart", "2027-06-01");
        bad.put("latestStart", "2027-01-01");
        var response = api.post("/api/v1/matches", bad);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("homeMunicipality", "municipalities", "weights.location", "latestStart");
        assertThat(api.post("/api/v1/matches", Map.of("fixedSalary", "MAYBE")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/matches?size=1000", Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/matches?page=-1", Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/matches", "{\"regions\": [\"NOWHERE\"]}").status()).isEqualTo(400);
    }

    @Test
    void applicants_store_their_preferences_and_get_their_matches() {
        var defaults = api.get("/api/v1/me/preferences", applicant).json();
        assertThat(defaults.get("fixedSalary").asString()).isEqualTo("PREFERRED");
        assertThat(defaults.get("employmentForms").size()).isEqualTo(2);
        assertThat(defaults.get("weights").get("location").asInt()).isEqualTo(3);

        var saved = api.put("/api/v1/me/preferences", vinjeOnly(), applicant);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/preferences", applicant).json().get("municipalities").get(0).asString())
                .isEqualTo("4036");
        var mine = api.get("/api/v1/me/matches?size=50", applicant).json();
        assertThat(mine.get("items").valueStream().map(i -> i.get("position").get("title").asString()))
                .contains(uniqueTitle);
        assertThat(mine.get("items").valueStream().allMatch(i -> i.get("position").get("municipalityNumber")
                .asString().equals("4036"))).isTrue();

        var invalid = new HashMap<>(vinjeOnly());
        invalid.put("minOnCallRotation", 0);
        assertThat(api.put("/api/v1/me/preferences", invalid, applicant).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/preferences", applicant).json().has("minOnCallRotation")).isTrue();
    }

    @Test
    void only_applicants_have_stored_preferences_and_matches() {
        assertThat(api.get("/api/v1/me/preferences").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/matches").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/preferences", municipality).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/me/preferences", vinjeOnly(), municipality).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/matches", ADMIN_EMAIL, ADMIN_PASSWORD).status()).isEqualTo(403);
    }
}
