package no.alisportalen.alert;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/** Saved searches and preference sets notify once per change, by e-mail until unsubscribed; favourites too. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertIntegrationTest {

    static final String PASSWORD = "Et langt passord 2026";

    @LocalServerPort
    int port;

    @Autowired
    AlertEvaluator evaluator;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GreenMail mail;

    @Autowired
    no.alisportalen.municipality.MunicipalityService municipalities;

    TestApi api;
    String[] bodo;

    @BeforeAll
    void users() {
        api = new TestApi(port);
        var email = "alert-bodo-" + UUID.randomUUID().toString().substring(0, 6) + "@test.no";
        assertThat(api.post("/api/v1/admin/users", Map.of("email", email, "password", PASSWORD, "name", "Bodø",
                "role", "MUNICIPALITY", "municipalityNumber", "1804"), ADMIN_EMAIL, ADMIN_PASSWORD).status())
                .isEqualTo(201);
        bodo = new String[] {email, PASSWORD};
    }

    /** A new applicant who has confirmed the address, so the portal may mail it. */
    private String[] applicant() {
        var applicant = api.newApplicant("Varsla", "LIS1");
        return applicant;
    }

    private String publish(String title, String form, int deadlineDays) {
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "1804", "title", title,
                "employmentForm", form, "setting", "GP_PRACTICE", "openings", 1, "listLength", 800,
                "startDate", LocalDate.now().plusMonths(4).toString(),
                "applicationDeadline", LocalDate.now().plusDays(deadlineDays).toString()));
        if (form.equals("SALARIED")) {
            body.put("annualSalaryNok", 1_150_000);
        }
        var id = api.post("/api/v1/positions", body, bodo).json().get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, bodo).status()).isEqualTo(200);
        return id;
    }

    private List<JsonNode> notifications(String[] who, String kind) {
        return api.get("/api/v1/me/notifications", who).json().valueStream()
                .filter(n -> n.get("kind").asString().equals(kind)).toList();
    }

    private long mailsTo(String email) throws Exception {
        long count = 0;
        for (var message : mail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(email) && !no.alisportalen.TestMail.isConfirmation(message)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void a_saved_search_and_a_saved_preference_set_notify_once_per_matching_change() throws Exception {
        var kari = applicant();
        var marker = "Lofotmarker" + UUID.randomUUID().toString().substring(0, 4);
        var search = api.post("/api/v1/me/saved-searches", Map.of("name", "Fastlønn i Nord",
                "query", "region=NORD&employmentForm=SALARIED&q=" + marker), kari);
        assertThat(search.status()).as(search.body()).isEqualTo(201);
        assertThat(search.json().get("kind").asString()).isEqualTo("SEARCH");
        var prefs = api.post("/api/v1/me/saved-searches", Map.of("name", "Mine ønsker",
                "preferences", Map.of("municipalities", List.of("1804"), "locationRequired", true,
                        "employmentForms", List.of("SELF_EMPLOYED"))), kari);
        assertThat(prefs.status()).as(prefs.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/saved-searches", kari).json().size()).isEqualTo(2);

        var salaried = publish("ALIS " + marker + " fastlønn", "SALARIED", 30);
        var selfEmployed = publish("ALIS næringsdrift Bodø", "SELF_EMPLOYED", 30);
        publish("ALIS uten markør", "SALARIED", 30);

        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(kari, "SEARCH_MATCH").size() >= 2);
        var matches = notifications(kari, "SEARCH_MATCH");
        assertThat(matches).extracting(n -> n.get("positionId").asString())
                .containsExactlyInAnyOrder(salaried, selfEmployed);
        assertThat(matches).extracting(n -> n.get("message").asString()).anyMatch(m -> m.contains("Fastlønn i Nord"))
                .anyMatch(m -> m.contains("Mine ønsker"));

        // A crash after notifying but before the cursor moved repeats the last batch: nobody is notified twice.
        var cursor = mongo.findById("alerts", org.bson.Document.class, AlertEvaluator.CURSORS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is("alerts")), new Update()
                .set("after", cursor.get("lastAfter")).set("until", cursor.get("lastUntil")), AlertEvaluator.CURSORS);
        evaluator.drain(); // or the scheduled run gets there first; either way the batch is repeated
        await().atMost(Duration.ofSeconds(30)).until(() -> !mongo.findById("alerts", org.bson.Document.class,
                AlertEvaluator.CURSORS).containsKey("until"));
        assertThat(notifications(kari, "SEARCH_MATCH")).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(kari[0]) == 2);
        var message = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(salaried)).findFirst().orElseThrow();
        var body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        var token = body.replaceAll("(?s).*/avmeld\\?token=([0-9a-f]+).*", "$1");
        assertThat(token).matches("[0-9a-f]{48}");

        // One-click unsubscribe stops the e-mails, not the in-app notices.
        assertThat(api.post("/api/v1/unsubscribe?token=" + token, null).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/unsubscribe?token=nope", null).status()).isEqualTo(404);
        var update = api.get("/api/v1/positions/" + salaried, bodo).json();
        var change = new HashMap<String, Object>(Map.of("municipalityNumber", "1804",
                "title", "ALIS " + marker + " fastlønn, nå med bolig", "employmentForm", "SALARIED",
                "setting", "GP_PRACTICE", "openings", 1, "annualSalaryNok", 1_200_000, "listLength", 800,
                "startDate", update.get("startDate").asString(),
                "applicationDeadline", update.get("applicationDeadline").asString(),
                "version", update.get("version").asLong()));
        assertThat(api.put("/api/v1/positions/" + salaried, change, bodo).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(kari, "SEARCH_MATCH").size() == 3);
        assertThat(mailsTo(kari[0])).isEqualTo(2);
    }

    @Test
    void a_burst_is_told_as_digests_that_cover_every_match_once() {
        var eva = applicant();
        var marker = "Burstmarker" + UUID.randomUUID().toString().substring(0, 4);
        assertThat(api.post("/api/v1/me/saved-searches", Map.of("name", "Burst", "query", "q=" + marker), eva)
                .status()).isEqualTo(201);
        var today = LocalDate.now();
        var data = new java.util.ArrayList<no.alisportalen.position.PositionData>();
        for (int i = 0; i < 3; i++) {
            data.add(new no.alisportalen.position.PositionData("1804", "ALIS " + marker + " nr " + i, null, null, null,
                    no.alisportalen.position.EmploymentForm.SALARIED, no.alisportalen.position.WorkSetting.GP_PRACTICE,
                    700, 1_000_000, true, true, java.util.Set.of(), false, List.of(), true, 4, false, 6, true,
                    today.plusMonths(3), today.plusDays(20), 1, no.alisportalen.position.Contact.empty()));
        }
        // Published at once, as the write path leaves them (pending feed change + hint each).
        no.alisportalen.position.BenchmarkLoader.publishAll(mongo, municipalities, data, java.time.Clock.systemUTC(),
                true);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(eva, "SEARCH_MATCH").stream()
                .mapToInt(n -> 1 + n.get("otherPositionIds").size()).sum() >= 3);
        var digests = notifications(eva, "SEARCH_MATCH");
        var covered = new java.util.ArrayList<String>();
        digests.forEach(n -> {
            covered.add(n.get("positionId").asString());
            n.get("otherPositionIds").forEach(o -> covered.add(o.asString()));
        });
        assertThat(covered).hasSize(3).doesNotHaveDuplicates();
        assertThat(digests.size()).isLessThanOrEqualTo(3);
        digests.stream().filter(n -> n.get("otherPositionIds").size() > 0).forEach(n -> assertThat(
                n.get("message").asString()).contains("andre stillinger passer det lagrede søket ditt «Burst»"));
    }

    @Test
    void favourites_notice_an_approaching_deadline_once_and_a_close() {
        var ola = applicant();
        var soon = publish("ALIS frist snart", "SALARIED", 2);
        var later = publish("ALIS frist senere", "SALARIED", 40);
        assertThat(api.put("/api/v1/me/favourites/" + soon, Map.of(), ola).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/me/favourites/" + later, Map.of(), ola).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/me/favourites/" + later, Map.of(), ola).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/favourites", ola).json().size()).isEqualTo(2);

        evaluator.notifyApproachingDeadlines();
        evaluator.notifyApproachingDeadlines();
        var deadline = notifications(ola, "FAVOURITE_DEADLINE");
        assertThat(deadline).hasSize(1);
        assertThat(deadline.getFirst().get("positionId").asString()).isEqualTo(soon);

        assertThat(api.post("/api/v1/positions/" + later + "/close", null, bodo).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(ola, "FAVOURITE_CLOSED").size() == 1);
        assertThat(notifications(ola, "FAVOURITE_CLOSED").getFirst().get("message").asString())
                .contains("ALIS frist senere");

        assertThat(api.delete("/api/v1/me/favourites/" + later, ola).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me/favourites", ola).json().size()).isEqualTo(1);
    }

    @Test
    void roles_scope_and_validation() {
        var kari = applicant();
        var other = applicant();
        assertThat(api.get("/api/v1/me/saved-searches").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/saved-searches", bodo).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/me/favourites/000000000000000000000000", Map.of(), kari).status())
                .isEqualTo(404);
        var missingName = api.post("/api/v1/me/saved-searches", Map.of("query", "region=NORD"), kari);
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        var badPrefs = api.post("/api/v1/me/saved-searches", Map.of("name", "x",
                "preferences", Map.of("maxListLength", -5)), kari);
        assertThat(badPrefs.status()).isEqualTo(400);
        assertThat(badPrefs.json().get("errors").get(0).get("field").asString())
                .isEqualTo("preferences.maxListLength");
        var id = api.post("/api/v1/me/saved-searches", Map.of("name", "Mitt søk", "query", "region=VEST"), kari)
                .json().get("id").asString();
        assertThat(api.delete("/api/v1/me/saved-searches/" + id, other).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/me/saved-searches/" + id + "/email", Map.of("email", false), kari).json()
                .get("email").asBoolean()).isFalse();
        assertThat(api.delete("/api/v1/me/saved-searches/" + id, kari).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me/saved-searches", kari).json().size()).isZero();
    }
}
