package no.alisportalen.position;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** The position API for every role and scope, the lifecycle, optimistic locking, hostile input and the feed. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PositionApiIntegrationTest {

    static final String PASSWORD = "Et langt passord 2026";

    @LocalServerPort
    int port;

    @Autowired
    PositionService service;

    @Autowired
    MongoTemplate mongo;

    TestApi api;
    String[] bodo;
    String[] tromso;
    String[] officeNord;
    String[] officeVest;
    String[] applicant;
    final String[] admin = {ADMIN_EMAIL, ADMIN_PASSWORD};

    @BeforeAll
    void users() {
        api = new TestApi(port);
        bodo = user(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        tromso = user(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5501"));
        officeNord = user(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        officeVest = user(Map.of("role", "ALIS_OFFICE", "region", "VEST"));
        var email = "applicant-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        assertThat(api.post("/api/v1/applicants", Map.of("email", email, "password", PASSWORD, "name", "Søker",
                "stage", "LIS1")).status()).isEqualTo(201);
        applicant = new String[] {email, PASSWORD};
    }

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    private String[] user(Map<String, String> scope) {
        var email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        var body = new HashMap<String, Object>(scope);
        body.putAll(Map.of("email", email, "password", PASSWORD, "name", "Bruker"));
        assertThat(api.post("/api/v1/admin/users", body, ADMIN_EMAIL, ADMIN_PASSWORD).status()).isEqualTo(201);
        return new String[] {email, PASSWORD};
    }

    static Map<String, Object> body(String municipality) {
        var today = LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));
        var body = new HashMap<String, Object>();
        body.put("municipalityNumber", municipality);
        body.put("title", "ALIS med fastlønn, testlegesenter");
        body.put("description", "Fin stilling.\n\nMed <script>alert(1)</script> veiledning.");
        body.put("workplace", "Testlegesenteret");
        body.put("employmentForm", "SALARIED");
        body.put("setting", "GP_PRACTICE");
        body.put("listLength", 700);
        body.put("annualSalaryNok", 1_150_000);
        body.put("introductionAgreement", true);
        body.put("alisAgreement", true);
        body.put("alisAgreementElements", List.of("COURSE_EXPENSES", "SUPERVISION_COSTS"));
        body.put("recruitmentWeak", true);
        body.put("incentives", List.of(Map.of("type", "HOUSING", "annualAmountNok", 50_000, "description", "Bolig")));
        body.put("supervisorOnSite", true);
        body.put("supervisionHoursPerMonth", 4);
        body.put("supervisionGroup", true);
        body.put("onCallRotation", 6);
        body.put("onCallBackup", true);
        body.put("startDate", today.plusMonths(4).toString());
        body.put("applicationDeadline", today.plusMonths(2).toString());
        body.put("openings", 1);
        body.put("contact", Map.of("name", "Kari", "email", "kari@bodo.kommune.no", "phone", "+47 75 55 50 00"));
        return body;
    }

    private JsonNode create(String[] who, String municipality) {
        var response = api.post("/api/v1/positions", body(municipality), who);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void the_owner_creates_a_draft_with_derived_fields_defaults_and_a_sanitized_description() {
        var response = api.post("/api/v1/positions", body("1804"), bodo);
        assertThat(response.status()).isEqualTo(201);
        var position = response.json();
        assertThat(response.header("Location")).endsWith("/api/v1/positions/" + position.get("id").asString());
        assertThat(position.get("status").asString()).isEqualTo("DRAFT");
        assertThat(position.get("municipalityName").asString()).isEqualTo("Bodø");
        assertThat(position.get("countyName").asString()).isEqualTo("Nordland");
        assertThat(position.get("region").asString()).isEqualTo("NORD");
        assertThat(position.get("location").get("lat").asDouble()).isBetween(67.0, 67.5);
        assertThat(position.get("description").asString()).doesNotContain("<script").contains("<p>Fin stilling.</p>");
        assertThat(position.get("applicationCount").asInt()).isZero();
    }

    @Test
    void every_role_and_scope_is_checked_on_writes() {
        assertThat(api.post("/api/v1/positions", body("1804")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/positions", body("1804"), applicant).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/positions", body("1804"), officeNord).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/positions", body("1804"), tromso).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/positions", body("1804"), admin).status()).isEqualTo(201);

        var draft = create(bodo, "1804");
        var id = draft.get("id").asString();
        var update = body("1804");
        update.put("version", draft.get("version").asLong());
        update.put("title", "Endret tittel på stillingen");
        assertThat(api.put("/api/v1/positions/" + id, update, tromso).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/positions/" + id, update, applicant).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/positions/" + id, update, officeNord).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, officeNord).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/positions/" + id, update, bodo).status()).isEqualTo(200);

        var published = api.post("/api/v1/positions/" + id + "/publish", null, bodo);
        assertThat(published.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/positions/" + id + "/close", null, tromso).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/positions/" + id + "/close", null, admin).status()).isEqualTo(200);
    }

    @Test
    void drafts_are_visible_to_owner_region_office_and_admin_only_and_counts_to_the_same_people() {
        var id = create(bodo, "1804").get("id").asString();
        var path = "/api/v1/positions/" + id;
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.get(path, applicant).status()).isEqualTo(404);
        assertThat(api.get(path, tromso).status()).isEqualTo(404);
        assertThat(api.get(path, officeVest).status()).isEqualTo(404);
        assertThat(api.get(path, bodo).status()).isEqualTo(200);
        assertThat(api.get(path, officeNord).status()).isEqualTo(200);
        assertThat(api.get(path, admin).status()).isEqualTo(200);

        assertThat(api.post(path + "/publish", null, bodo).status()).isEqualTo(200);
        assertThat(api.get(path).json().has("applicationCount")).isFalse();
        assertThat(api.get(path, applicant).json().has("applicationCount")).isFalse();
        assertThat(api.get(path, tromso).json().has("applicationCount")).isFalse();
        assertThat(api.get(path, officeNord).json().has("applicationCount")).isTrue();
        assertThat(api.get(path, bodo).json().has("applicationCount")).isTrue();
        assertThat(api.get(path + "/audit", officeNord).status()).isEqualTo(200);
        assertThat(api.get(path + "/audit", tromso).status()).isEqualTo(403);
        assertThat(api.get(path + "/audit").status()).isEqualTo(401);
    }

    @Test
    void mine_lists_only_the_municipalitys_own_positions_in_every_status() {
        var id = create(tromso, "5501").get("id").asString();
        var mine = api.get("/api/v1/positions/mine", tromso);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().valueStream().map(p -> p.get("municipalityNumber").asString()).distinct().toList())
                .containsExactly("5501");
        assertThat(mine.json().valueStream().map(p -> p.get("id").asString())).contains(id);
        assertThat(mine.json().get(0).has("applicationCount")).isTrue();
        assertThat(api.get("/api/v1/positions/mine", applicant).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/positions/mine", officeNord).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/positions/mine").status()).isEqualTo(401);
    }

    @Test
    void a_stale_version_is_a_conflict_and_never_a_lost_update() {
        var draft = create(bodo, "1804");
        var id = draft.get("id").asString();
        long version = draft.get("version").asLong();
        var first = body("1804");
        first.put("version", version);
        first.put("title", "Første endring av stillingen");
        var second = body("1804");
        second.put("version", version);
        second.put("title", "Andre endring av stillingen");
        assertThat(api.put("/api/v1/positions/" + id, first, bodo).status()).isEqualTo(200);
        var stale = api.put("/api/v1/positions/" + id, second, bodo);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("Noen andre har endret");
        assertThat(api.get("/api/v1/positions/" + id, bodo).json().get("title").asString())
                .isEqualTo("Første endring av stillingen");
        var withoutVersion = body("1804");
        assertThat(api.put("/api/v1/positions/" + id, withoutVersion, bodo).status()).isEqualTo(400);
    }

    @Test
    void publishing_needs_a_deadline_that_has_not_passed() {
        var late = body("1804");
        late.put("applicationDeadline", LocalDate.now().minusDays(2).toString());
        var draft = api.post("/api/v1/positions", late, bodo).json();
        var refused = api.post("/api/v1/positions/" + draft.get("id").asString() + "/publish", null, bodo);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("applicationDeadline");
        assertThat(api.get("/api/v1/positions/" + draft.get("id").asString(), bodo).json().get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void hostile_input_gets_400_or_413_problem_details() {
        assertThat(api.post("/api/v1/positions", "{\"title\": ", bodo).status()).isEqualTo(400);
        var unknownEnum = body("1804");
        unknownEnum.put("setting", "SPACE_STATION");
        assertThat(api.post("/api/v1/positions", unknownEnum, bodo).status()).isEqualTo(400);
        var absurd = body("1804");
        absurd.put("listLength", 99_999_999);
        absurd.put("annualSalaryNok", -5);
        absurd.put("openings", 1000);
        var response = api.post("/api/v1/positions", absurd, bodo);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("listLength", "annualSalaryNok", "openings");
        var overflow = body("1804");
        overflow.put("listLength", new java.math.BigInteger("99999999999999999999999"));
        assertThat(api.post("/api/v1/positions", overflow, bodo).status()).isEqualTo(400);
        var operator = body("1804");
        operator.put("title", Map.of("$gt", ""));
        assertThat(api.post("/api/v1/positions", operator, bodo).status()).isEqualTo(400);
        var operatorMunicipality = body("1804");
        operatorMunicipality.put("municipalityNumber", Map.of("$ne", "x"));
        assertThat(api.post("/api/v1/positions", operatorMunicipality, bodo).status()).isEqualTo(400);
        var huge = body("1804");
        huge.put("description", "x".repeat(300 * 1024));
        assertThat(api.post("/api/v1/positions", huge, bodo).status()).isEqualTo(413);
        var longDescription = body("1804");
        longDescription.put("description", "y".repeat(20_001));
        assertThat(api.post("/api/v1/positions", longDescription, bodo).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("description");
        assertThat(api.get("/api/v1/positions/not-a-valid-id!").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/feed?after=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/feed?limit=100000").status()).isEqualTo(400);
    }

    @Test
    void the_feed_lists_every_change_to_published_positions_in_order_without_skipping() {
        var start = api.get("/api/v1/feed?limit=500").json();
        String cursor = drainFeed(start.get("next").asString());

        var draft = create(bodo, "1804");
        var id = draft.get("id").asString();
        var publishedVersion = api.post("/api/v1/positions/" + id + "/publish", null, bodo).json().get("version").asLong();
        var change = body("1804");
        change.put("version", publishedVersion);
        change.put("listLength", 650);
        assertThat(api.put("/api/v1/positions/" + id, change, bodo).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/positions/" + id + "/fill", null, bodo).status()).isEqualTo(200);

        var from = cursor;
        await().atMost(Duration.ofSeconds(20)).until(() -> itemsFor(from, id).size() == 3);
        var items = itemsFor(from, id);
        assertThat(items).extracting(i -> i.get("changeType").asString()).containsExactly("PUBLISHED", "UPDATED", "CLOSED");
        assertThat(items.get(1).get("position").get("listLength").asInt()).isEqualTo(650);
        assertThat(items.get(2).get("position").get("status").asString()).isEqualTo("FILLED");
        assertThat(items).extracting(i -> i.get("sequence").asLong()).isSorted();
        // The draft's creation was never in the feed, and the owner's version was not bumped by sequencing.
        assertThat(api.get("/api/v1/positions/" + id, bodo).json().get("version").asLong())
                .isEqualTo(items.get(2).get("position").get("version").asLong());
    }

    @Test
    void positions_close_by_themselves_when_the_deadline_has_passed() {
        var id = create(bodo, "1804").get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, bodo).status()).isEqualTo(200);
        // Let time pass for this position only: its deadline becomes yesterday.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("data.applicationDeadline", LocalDate.now().minusDays(1)), "positions");
        assertThat(service.closeExpired()).isGreaterThanOrEqualTo(1);
        var closed = api.get("/api/v1/positions/" + id).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        var audit = api.get("/api/v1/positions/" + id + "/audit", bodo).json();
        // Newest first: the close by the deadline ended the application period, so the applicant list followed.
        assertThat(audit.get(0).get("action").asString()).isEqualTo("APPLICANT_LIST_PUBLISHED");
        assertThat(audit.get(1).get("action").asString()).isEqualTo("DEADLINE_PASSED");
        assertThat(audit.get(1).get("actor").asString()).isEqualTo("system");
        // A second run leaves this one alone: no second audit entry, no new version (other tests' positions may
        // expire meanwhile, so its count says nothing about this one).
        service.closeExpired();
        var again = api.get("/api/v1/positions/" + id + "/audit", bodo).json();
        assertThat(again.valueStream().filter(e -> e.get("action").asString().equals("DEADLINE_PASSED"))).hasSize(1);
        assertThat(again.size()).isEqualTo(audit.size());
        assertThat(api.get("/api/v1/positions/" + id).json().get("version").asLong())
                .isEqualTo(closed.get("version").asLong());
    }

    private String drainFeed(String cursor) {
        var next = cursor;
        while (true) {
            var page = api.get("/api/v1/feed?limit=500&after=" + next).json();
            if (page.get("items").isEmpty()) {
                return next;
            }
            next = page.get("next").asString();
        }
    }

    private List<JsonNode> itemsFor(String after, String id) {
        var result = new java.util.ArrayList<JsonNode>();
        var next = after;
        while (true) {
            var page = api.get("/api/v1/feed?limit=50&after=" + next).json();
            if (page.get("items").isEmpty()) {
                return result;
            }
            page.get("items").valueStream().filter(i -> i.get("position").get("id").asString().equals(id))
                    .forEach(result::add);
            next = page.get("next").asString();
        }
    }
}
