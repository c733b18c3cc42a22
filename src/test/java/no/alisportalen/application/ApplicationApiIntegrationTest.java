package no.alisportalen.application;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** Applying, withdrawing, the status pipeline, scope for every role, exact counts under races, and retention. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationApiIntegrationTest {

    static final String PASSWORD = "Et langt passord 2026";
    static final String LETTER = "Jeg vil gjerne bli ALIS i Bodø.";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationService service;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GreenMail mail;

    TestApi api;
    String[] bodo;
    String[] tromso;
    String[] officeNord;
    final String[] admin = {ADMIN_EMAIL, ADMIN_PASSWORD};

    @BeforeAll
    void users() {
        api = new TestApi(port);
        bodo = user(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        tromso = user(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5501"));
        officeNord = user(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
    }

    private String[] user(Map<String, String> scope) {
        return api.newUser(scope);
    }

    /** A new applicant who has confirmed the address, so the portal may mail it. */
    private String[] applicant() {
        var applicant = api.newApplicant("Kari Søker", "LIS1");
        return applicant;
    }

    /** A published position in Bodø, open for applications. */
    private String openPosition() {
        var today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        var body = new HashMap<String, Object>();
        body.put("municipalityNumber", "1804");
        body.put("title", "ALIS i Bodø " + UUID.randomUUID().toString().substring(0, 6));
        body.put("employmentForm", "SALARIED");
        body.put("setting", "GP_PRACTICE");
        body.put("annualSalaryNok", 1_100_000);
        body.put("startDate", today.plusMonths(4).toString());
        body.put("applicationDeadline", today.plusMonths(1).toString());
        body.put("openings", 1);
        var created = api.post("/api/v1/positions", body, bodo);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, bodo).status()).isEqualTo(200);
        return id;
    }

    private TestApi.Response apply(String positionId, String[] who) {
        return api.post("/api/v1/positions/" + positionId + "/applications", Map.of("coverLetter", LETTER), who);
    }

    private JsonNode status(String applicationId, String status, String[] who, int expected) {
        var response = api.put("/api/v1/applications/" + applicationId + "/status", Map.of("status", status), who);
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        return response.json();
    }

    private List<MimeMessage> received(String email) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (var message : mail.getReceivedMessages()) {
            if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(email))
                    && !no.alisportalen.TestMail.isConfirmation(message)) {
                mails.add(message);
            }
        }
        return mails;
    }

    private int ownerCount(String positionId) {
        return api.get("/api/v1/positions/" + positionId, bodo).json().get("applicationCount").asInt();
    }

    @Test
    void an_applicant_applies_once_with_profile_and_letter_and_sees_the_application() {
        var position = openPosition();
        var kari = applicant();
        var response = apply(position, kari);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var application = response.json();
        assertThat(response.header("Location")).endsWith("/api/v1/me/applications/" + application.get("id").asString());
        assertThat(application.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(application.get("applicant").get("name").asString()).isEqualTo("Kari Søker");
        assertThat(application.get("applicant").get("stage").asString()).isEqualTo("LIS1");
        assertThat(application.get("coverLetter").asString()).isEqualTo(LETTER);

        var again = apply(position, kari);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("allerede en aktiv søknad");

        var mine = api.get("/api/v1/me/applications", kari).json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("positionId").asString()).isEqualTo(position);
        assertThat(mine.get(0).get("history").get(0).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(ownerCount(position)).isEqualTo(1);
    }

    @Test
    void bad_input_and_positions_that_are_not_open_are_refused_with_reasons() {
        var position = openPosition();
        var kari = applicant();
        var blank = api.post("/api/v1/positions/" + position + "/applications", Map.of("coverLetter", "  "), kari);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("coverLetter");
        assertThat(api.post("/api/v1/positions/" + position + "/applications",
                Map.of("coverLetter", "x".repeat(5_001)), kari).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/positions/" + position + "/applications", "{\"coverLetter\": ",
                kari).status()).isEqualTo(400);
        assertThat(apply("000000000000000000000000", kari).status()).isEqualTo(404);
        assertThat(apply("bad%20id", kari).status()).isEqualTo(404);

        // Deadline passed but the closing job has not run yet.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(position))),
                Update.update("data.applicationDeadline", LocalDate.now().minusDays(1)), "positions");
        var late = apply(position, kari);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("Søknadsfristen");

        var closed = openPosition();
        assertThat(api.post("/api/v1/positions/" + closed + "/close", null, bodo).status()).isEqualTo(200);
        var refused = api.send(api.request("/api/v1/positions/" + closed + "/applications", kari)
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"coverLetter\":\"Hello\"}")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("does not take applications");
        assertThat(api.get("/api/v1/me/applications", kari).json().size()).isZero();
    }

    @Test
    void every_role_and_scope_is_checked() {
        var position = openPosition();
        var kari = applicant();
        var id = apply(position, kari).json().get("id").asString();
        var list = "/api/v1/positions/" + position + "/applications";

        assertThat(api.post(list, Map.of("coverLetter", LETTER)).status()).isEqualTo(401);
        assertThat(api.post(list, Map.of("coverLetter", LETTER), bodo).status()).isEqualTo(403);
        assertThat(api.post(list, Map.of("coverLetter", LETTER), officeNord).status()).isEqualTo(403);
        assertThat(api.post(list, Map.of("coverLetter", LETTER), admin).status()).isEqualTo(403);

        assertThat(api.get(list).status()).isEqualTo(401);
        assertThat(api.get(list, kari).status()).isEqualTo(403);
        assertThat(api.get(list, officeNord).status()).isEqualTo(403);
        assertThat(api.get(list, tromso).status()).isEqualTo(403);
        var owner = api.get(list, bodo);
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.json().get(0).get("coverLetter").asString()).isEqualTo(LETTER);
        assertThat(api.get(list, admin).json().size()).isEqualTo(1);

        // The office sees the count on the position, never the applications; anonymous sees no count.
        assertThat(api.get("/api/v1/positions/" + position, officeNord).json().get("applicationCount").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/positions/" + position).json().has("applicationCount")).isFalse();
        assertThat(api.get("/api/v1/positions/" + position, kari).json().has("applicationCount")).isFalse();

        var move = "/api/v1/applications/" + id + "/status";
        assertThat(api.put(move, Map.of("status", "INTERVIEW")).status()).isEqualTo(401);
        assertThat(api.put(move, Map.of("status", "INTERVIEW"), kari).status()).isEqualTo(403);
        assertThat(api.put(move, Map.of("status", "INTERVIEW"), officeNord).status()).isEqualTo(403);
        assertThat(api.put(move, Map.of("status", "INTERVIEW"), tromso).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me/applications", bodo).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/applications").status()).isEqualTo(401);

        var other = applicant();
        assertThat(api.post("/api/v1/me/applications/" + id + "/withdraw", null, other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/applications/" + id + "/withdraw", null, bodo).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/applications", other).json().size()).isZero();
    }

    @Test
    void the_municipality_moves_an_application_through_the_pipeline_and_the_applicant_sees_each_step()
            throws Exception {
        var position = openPosition();
        var kari = applicant();
        var id = apply(position, kari).json().get("id").asString();

        var interview = api.put("/api/v1/applications/" + id + "/status",
                Map.of("status", "INTERVIEW", "note", "Ring tirsdag"), bodo);
        assertThat(interview.status()).isEqualTo(200);
        assertThat(interview.json().get("internalNote").asString()).isEqualTo("Ring tirsdag");

        var mine = api.get("/api/v1/me/applications", kari).json().get(0);
        assertThat(mine.get("status").asString()).isEqualTo("INTERVIEW");
        assertThat(mine.has("internalNote")).isFalse();
        assertThat(mine.get("history").valueStream().map(h -> h.get("status").asString()).toList())
                .containsExactly("RECEIVED", "INTERVIEW");

        var notifications = api.get("/api/v1/me/notifications", kari).json();
        assertThat(notifications.size()).isEqualTo(1);
        assertThat(notifications.get(0).get("kind").asString()).isEqualTo("APPLICATION_STATUS");
        assertThat(notifications.get(0).get("message").asString()).contains("Intervju");
        assertThat(notifications.get(0).get("read").asBoolean()).isFalse();
        // SMTP is configured in the tests (GreenMail): the same notice arrives by e-mail, once.
        var mails = await().atMost(Duration.ofSeconds(30)).until(() -> received(kari[0]), m -> !m.isEmpty());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).contains("ALIS i Bodø");
        assertThat(GreenMailUtil.getBody(mails.getFirst())).contains("Intervju", "/stilling/" + position);
        var english = api.send(api.request("/api/v1/me/notifications", kari).header("Accept-Language", "en").GET());
        assertThat(english.json().get(0).get("message").asString()).contains("Interview");

        // Acceptance needs an offer first; a stale version is refused; the applicant may not withdraw for them.
        assertThat(status(id, "ACCEPTED", bodo, 409).get("detail").asString()).contains("tilbud");
        assertThat(status(id, "WITHDRAWN", bodo, 400).get("errors").get(0).get("field").asString())
                .isEqualTo("status");
        assertThat(api.put("/api/v1/applications/" + id + "/status", Map.of("status", "OFFERED", "version", 0),
                bodo).status()).isEqualTo(409);
        assertThat(api.put("/api/v1/applications/" + id + "/status", Map.of("status", "BOGUS"), bodo).status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/applications/" + id + "/status", Map.of(), bodo).status()).isEqualTo(400);
        status(id, "OFFERED", bodo, 200);
        var accepted = status(id, "ACCEPTED", admin, 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(status(id, "REJECTED", bodo, 409).get("detail").asString()).contains("avgjort");
        assertThat(api.post("/api/v1/me/applications/" + id + "/withdraw", null, kari).status()).isEqualTo(409);

        assertThat(api.get("/api/v1/me/notifications", kari).json().size()).isEqualTo(3);
        assertThat(api.post("/api/v1/me/notifications/read", null, kari).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me/notifications", kari).json().valueStream()
                .allMatch(n -> n.get("read").asBoolean())).isTrue();
        // The municipality can now mark the position filled.
        assertThat(api.post("/api/v1/positions/" + position + "/fill", null, bodo).json().get("status").asString())
                .isEqualTo("FILLED");
    }

    @Test
    void a_withdrawn_application_frees_the_place_and_leaves_the_count() {
        var position = openPosition();
        var kari = applicant();
        var ola = applicant();
        var id = apply(position, kari).json().get("id").asString();
        apply(position, ola);
        assertThat(ownerCount(position)).isEqualTo(2);

        var withdrawn = api.post("/api/v1/me/applications/" + id + "/withdraw", null, kari);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(api.post("/api/v1/me/applications/" + id + "/withdraw", null, kari).status()).isEqualTo(409);
        assertThat(ownerCount(position)).isEqualTo(1);
        assertThat(status(id, "INTERVIEW", bodo, 409).get("detail").asString()).contains("avgjort");

        assertThat(apply(position, kari).status()).isEqualTo(201);
        assertThat(ownerCount(position)).isEqualTo(2);
        var mine = api.get("/api/v1/me/applications", kari).json();
        assertThat(mine.valueStream().map(a -> a.get("status").asString()).toList())
                .containsExactlyInAnyOrder("RECEIVED", "WITHDRAWN");
        var owner = api.get("/api/v1/positions/mine", bodo).json().valueStream()
                .filter(p -> p.get("id").asString().equals(position)).findFirst().orElseThrow();
        assertThat(owner.get("applicationCount").asInt()).isEqualTo(2);
    }

    @Test
    void fifty_parallel_requests_end_with_exactly_one_application_per_applicant() throws Exception {
        var position = openPosition();
        List<String[]> applicants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            applicants.add(applicant());
        }
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int click = 0; click < 10; click++) {
            for (var who : applicants) {
                clicks.add(() -> new TestApi(port).post("/api/v1/positions/" + position + "/applications",
                        Map.of("coverLetter", LETTER), who).status());
            }
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(30)) {
            for (Future<Integer> result : pool.invokeAll(clicks)) {
                statuses.add(result.get());
            }
        }
        assertThat(statuses).hasSize(60);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(6);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(54);
        for (var who : applicants) {
            assertThat(api.get("/api/v1/me/applications", who).json().size()).isEqualTo(1);
        }
        assertThat(mongo.count(Query.query(Criteria.where("positionId").is(position)), "applications")).isEqualTo(6);
        assertThat(ownerCount(position)).isEqualTo(6);
    }

    @Test
    void applications_are_anonymised_once_their_position_closed_longer_ago_than_the_retention() {
        var closed = openPosition();
        var open = openPosition();
        var kari = applicant();
        var closedApplication = apply(closed, kari).json().get("id").asString();
        apply(open, kari);
        // The note comes with the rejection itself (REJECTED is final: a second change would be refused).
        assertThat(api.put("/api/v1/applications/" + closedApplication + "/status",
                Map.of("status", "REJECTED", "note", "Notat"), bodo).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/positions/" + closed + "/applications", bodo).json().get(0).get("internalNote")
                .asString()).as("the note is there before anonymisation").isEqualTo("Notat");
        assertThat(api.post("/api/v1/positions/" + closed + "/close", null, bodo).status()).isEqualTo(200);

        // Just closed: the default 12 months have not passed.
        service.anonymiseExpired();
        assertThat(api.get("/api/v1/me/applications", kari).json().size()).isEqualTo(2);

        int done = service.anonymiseClosedBefore(Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(done).isGreaterThanOrEqualTo(1);
        var forOwner = api.get("/api/v1/positions/" + closed + "/applications", bodo).json().get(0);
        assertThat(forOwner.get("anonymised").asBoolean()).isTrue();
        assertThat(forOwner.get("applicant").get("name").isNull()).isTrue();
        assertThat(forOwner.get("applicant").get("email").isNull()).isTrue();
        assertThat(forOwner.get("coverLetter").isNull()).isTrue();
        assertThat(forOwner.has("internalNote")).isFalse();
        assertThat(forOwner.get("status").asString()).isEqualTo("REJECTED");
        assertThat(forOwner.get("applicant").get("stage").asString()).isEqualTo("LIS1");
        // Still counted; no longer the applicant's; the open position's application is untouched.
        assertThat(ownerCount(closed)).isEqualTo(1);
        var mine = api.get("/api/v1/me/applications", kari).json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("positionId").asString()).isEqualTo(open);
        assertThat(mine.get(0).get("coverLetter").asString()).isEqualTo(LETTER);
        assertThat(service.anonymiseClosedBefore(Instant.now().plus(1, ChronoUnit.DAYS))).isZero();
    }
}
