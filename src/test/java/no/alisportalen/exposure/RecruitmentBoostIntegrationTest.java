package no.alisportalen.exposure;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.search.PositionSearchService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The recruitment boost in search: positions that need applicants come first among equally relevant ones,
 * labelled with why; the searcher can switch it off per request, an admin for the whole portal.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecruitmentBoostIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicantNeeds needs;

    @Autowired
    PositionSearchService search;

    TestApi api;
    final String[] admin = {ADMIN_EMAIL, ADMIN_PASSWORD};
    String popular;
    String needy;
    String needyLater;

    @BeforeAll
    void data() {
        api = new TestApi(port);
        var ibestad = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5514"));
        // The popular one closes first, so without the boost (deadline decides) it leads.
        popular = api.publishedPosition(withDeadline("ALIS Ibestad populær", 10), ibestad);
        needy = api.publishedPosition(withDeadline("ALIS Ibestad ledig", 20), ibestad);
        needyLater = api.publishedPosition(withDeadline("ALIS Ibestad også ledig", 30), ibestad);
        for (int i = 0; i < 2; i++) {
            var applicant = api.newApplicant("Søker " + i, "LIS1");
            assertThat(api.post("/api/v1/positions/" + popular + "/applications", Map.of("coverLetter", "Hei"),
                    applicant).status()).isEqualTo(201);
        }
        search.flush();
        needs.recompute();
        search.flush();
    }

    private static Map<String, Object> withDeadline(String title, int days) {
        var body = TestApi.position("5514", title);
        body.put("applicationDeadline", LocalDate.now().plusDays(days).toString());
        return body;
    }

    @AfterEach
    void portalBoostBackOn() {
        api.put("/api/v1/admin/recruitment-boost", Map.of("enabled", true), admin);
    }

    private List<JsonNode> items(String query) {
        var response = api.get("/api/v1/positions?municipality=5514" + query);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").valueStream().toList();
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("id").asString()).toList();
    }

    @Test
    void positions_that_need_applicants_lead_among_equals_and_say_why() {
        var items = items("");
        assertThat(ids(items)).containsSubsequence(needy, needyLater, popular);
        var first = items.stream().filter(i -> i.get("id").asString().equals(needy)).findFirst().orElseThrow();
        assertThat(first.get("needsApplicants").asBoolean()).isTrue();
        assertThat(first.get("needReasons").valueStream().map(JsonNode::asString).toList())
                .contains("NO_APPLICATIONS");
        var leader = items.stream().filter(i -> i.get("id").asString().equals(popular)).findFirst().orElseThrow();
        assertThat(leader.path("needsApplicants").asBoolean(false)).isFalse();
        assertThat(leader.has("needReasons")).isFalse();
        // Other orders are what they say: the boost belongs to relevance only.
        assertThat(ids(items("&sort=deadline"))).containsSubsequence(popular, needy, needyLater);
    }

    @Test
    void the_searcher_can_switch_it_off() {
        var items = items("&recruitmentBoost=false");
        assertThat(ids(items)).containsSubsequence(popular, needy, needyLater);
        assertThat(items).allSatisfy(i -> assertThat(i.path("needsApplicants").asBoolean(false)).isFalse());
    }

    @Test
    void an_admin_can_switch_it_off_for_the_whole_portal_and_nobody_else_can() {
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5514"));
        var applicant = api.newApplicant("Søker", "LIS1");
        for (var who : List.of(office, municipality, applicant)) {
            assertThat(api.put("/api/v1/admin/recruitment-boost", Map.of("enabled", false), who).status())
                    .isEqualTo(403);
        }
        assertThat(api.put("/api/v1/admin/recruitment-boost", Map.of("enabled", false)).status()).isEqualTo(401);
        assertThat(ids(items(""))).containsSubsequence(needy, needyLater, popular);

        var off = api.put("/api/v1/admin/recruitment-boost", Map.of("enabled", false), admin);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(off.json().get("matchMargin").asInt()).isEqualTo(8);
        var items = items("");
        assertThat(ids(items)).containsSubsequence(popular, needy, needyLater);
        assertThat(items).allSatisfy(i -> assertThat(i.path("needsApplicants").asBoolean(false)).isFalse());
        var matches = api.post("/api/v1/matches", Map.of("municipalities", List.of("5514"), "locationRequired", true));
        assertThat(matches.json().get("items").valueStream()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("needsApplicants").asBoolean()).isFalse();
            assertThat(m.get("rankScore").asInt()).isEqualTo(m.get("score").asInt());
        });
    }

    @Test
    void matches_report_both_scores_and_the_preference_switch() {
        var body = Map.<String, Object>of("municipalities", List.of("5514"), "locationRequired", true);
        var on = api.post("/api/v1/matches", body).json().get("items").valueStream().toList();
        var lifted = on.stream().filter(m -> m.get("position").get("id").asString().equals(needy)).findFirst()
                .orElseThrow();
        assertThat(lifted.get("needsApplicants").asBoolean()).isTrue();
        assertThat(lifted.get("rankScore").asInt() - lifted.get("score").asInt()).isBetween(1, 8);
        var plain = on.stream().filter(m -> m.get("position").get("id").asString().equals(popular)).findFirst()
                .orElseThrow();
        assertThat(plain.get("rankScore").asInt()).isEqualTo(plain.get("score").asInt());

        var offBody = new java.util.HashMap<String, Object>(body);
        offBody.put("recruitmentBoost", false);
        var off = api.post("/api/v1/matches", offBody).json().get("items").valueStream().toList();
        assertThat(off).allSatisfy(m -> {
            assertThat(m.get("needsApplicants").asBoolean()).isFalse();
            assertThat(m.get("rankScore").asInt()).isEqualTo(m.get("score").asInt());
        });
        // The preference fit is the same either way: the boost only moves the order.
        for (var m : off) {
            var same = on.stream().filter(o -> o.get("position").get("id").equals(m.get("position").get("id")))
                    .findFirst().orElseThrow();
            assertThat(same.get("score").asInt()).isEqualTo(m.get("score").asInt());
        }
    }
}
