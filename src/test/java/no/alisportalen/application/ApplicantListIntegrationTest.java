package no.alisportalen.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * api-v1 "Applicant lists (offentleglova § 25)" through the HTTP API (#35): what applying needs, exemption
 * requests decided one by one, the list held back while anything is open, published once, never shortened, the
 * extended list for the parties, and the audit trail.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicantListIntegrationTest {

    private static final String REASON = "Jeg har ikke sagt fra til min nåværende arbeidsgiver.";
    private static final String JUSTIFICATION = "Vurdert konkret: hensynet til søkeren veier tyngst her.";

    @LocalServerPort
    int port;

    @Autowired
    ApplicantListService lists;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    ApplicationRepository repository;

    @Autowired
    no.alisportalen.position.PositionService positionService;

    @Autowired
    java.time.Clock clock;

    TestApi api;
    String[] bodo;
    String[] tromso;
    String[] office;

    @BeforeAll
    void users() {
        api = new TestApi(port);
        bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        tromso = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5501"));
        office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
    }

    /** A confirmed applicant with a full list profile. */
    private String[] applicant(String name, String stage, String birthDate, String gender, String home,
            String title) {
        var who = api.newApplicant(name, stage);
        var profile = new java.util.HashMap<String, Object>(Map.of("name", name, "stage", stage, "birthDate",
                birthDate, "gender", gender, "homeMunicipality", home, "education", "Cand.med. " + name,
                "experience", "Erfaring " + name));
        if (title != null) {
            profile.put("title", title);
        }
        var saved = api.put("/api/v1/me", profile, who);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return who;
    }

    private String apply(String position, String[] who, String reason) {
        var body = new java.util.HashMap<String, Object>(Map.of("coverLetter", "Jeg søker."));
        if (reason != null) {
            body.put("exemptionRequest", Map.of("reason", reason));
        }
        var response = api.post("/api/v1/positions/" + position + "/applications", body, who);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private TestApi.Response decide(String application, boolean granted, String[] who) {
        return api.put("/api/v1/applications/" + application + "/exemption",
                Map.of("granted", granted, "justification", JUSTIFICATION), who);
    }

    private JsonNode list(String position, String... who) {
        var response = api.get("/api/v1/positions/" + position + "/applicant-list", who);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode entries) {
        var names = new ArrayList<String>();
        entries.forEach(e -> names.add(e.get("name").asString()));
        return names;
    }

    /** The feed's items of the position that link to its applicant list, as "changeType url". */
    private List<String> feedLinks(String position) {
        var links = new ArrayList<String>();
        var cursor = "0";
        while (true) {
            var page = api.get("/api/v1/feed?limit=500&after=" + cursor).json();
            if (page.get("items").isEmpty()) {
                return links;
            }
            page.get("items").forEach(item -> {
                if (item.get("position").get("id").asString().equals(position) && item.has("applicantListUrl")) {
                    links.add(item.get("changeType").asString() + " " + item.get("applicantListUrl").asString());
                }
            });
            cursor = page.get("next").asString();
        }
    }

    private List<String> audit(String position) {
        var actions = new ArrayList<String>();
        api.get("/api/v1/positions/" + position + "/audit", bodo).json()
                .forEach(e -> actions.add(e.get("action").asString()));
        return actions;
    }

    @Test
    void applying_to_a_listed_position_needs_birth_date_gender_and_home_municipality_and_a_real_reason() {
        var position = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, søkerliste krav"), bodo);
        var bare = api.newUnconfirmedApplicant("Uten Profil", "LIS1");
        no.alisportalen.TestConfirmations.confirm(bare[0]);
        var refused = api.post("/api/v1/positions/" + position + "/applications", Map.of("coverLetter", "Hei"), bare);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        var fields = new ArrayList<String>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("birthDate", "gender", "homeMunicipality");
        assertThat(refused.body()).contains("offentleglova § 25");

        var ready = applicant("Klar Søker", "LIS1", "1995-01-01", "MALE", "1804", null);
        var short_ = api.post("/api/v1/positions/" + position + "/applications",
                Map.of("coverLetter", "Hei", "exemptionRequest", Map.of("reason", "kort")), ready);
        assertThat(short_.status()).isEqualTo(400);
        assertThat(short_.json().get("errors").get(0).get("field").asString()).isEqualTo("exemptionRequest.reason");
        assertThat(api.get("/api/v1/me/applications", ready).json().size()).isZero();

        // A self-employed position without a list asks for none of it, and has no list to be left off.
        var body = TestApi.position("1804", "ALIS Bodø, næringsdrift uten liste");
        body.put("employmentForm", "SELF_EMPLOYED");
        body.put("applicantList", false);
        body.remove("annualSalaryNok");
        var unlisted = api.publishedPosition(body, bodo);
        assertThat(api.post("/api/v1/positions/" + unlisted + "/applications",
                Map.of("coverLetter", "Hei", "exemptionRequest", Map.of("reason", REASON)), ready).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/positions/" + unlisted + "/applications", Map.of("coverLetter", "Hei"), bare)
                .status()).isEqualTo(201);
        api.post("/api/v1/positions/" + unlisted + "/close", null, bodo);
        assertThat(api.get("/api/v1/positions/" + unlisted + "/applicant-list").status()).isEqualTo(404);
    }

    @Test
    void requests_are_decided_one_by_one_the_list_waits_for_every_answer_and_is_never_shortened() {
        var position = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, offentlig søkerliste"), bodo);
        var ase = applicant("Åse Ås", "LIS1", "1994-06-30", "FEMALE", "1804", null);
        var bjorn = applicant("Bjørn Berg", "DOCTOR", "1990-01-15", "MALE", "0301", "Fastlege");
        var cecilie = applicant("Cecilie Cort", "MEDICAL_STUDENT", "2000-12-31", "FEMALE", "5501", null);
        var dag = applicant("Dag Dahl", "LIS1", "1993-03-03", "MALE", "1804", null);
        var aseApp = apply(position, ase, null);
        var bjornApp = apply(position, bjorn, REASON);
        var cecilieApp = apply(position, cecilie, null);
        var dagApp = apply(position, dag, null);
        var later = api.post("/api/v1/me/applications/" + cecilieApp + "/exemption-request", Map.of("reason", REASON),
                cecilie);
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().get("exemption").get("state").asString()).isEqualTo("REQUESTED");
        assertThat(api.post("/api/v1/me/applications/" + dagApp + "/withdraw", null, dag).status()).isEqualTo(200);
        // Only the applicant answers for their own application.
        assertThat(api.post("/api/v1/me/applications/" + cecilieApp + "/exemption-request", Map.of("reason", REASON),
                ase).status()).isEqualTo(404);

        // Before the period ends there is no list, for anyone.
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list", bodo).status()).isEqualTo(404);

        assertThat(api.post("/api/v1/positions/" + position + "/close", null, bodo).status()).isEqualTo(200);
        assertThat(feedLinks(position)).containsExactly("CLOSED /api/v1/positions/" + position + "/applicant-list");
        var pending = list(position);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("applicants").isNull()).isTrue();
        assertThat(pending.get("gender").isNull()).isTrue();
        assertThat(pending.get("withheld").isNull()).isTrue();
        assertThat(pending.get("entries").size()).isZero();
        var owners = list(position, bodo);
        assertThat(names(owners.get("entries"))).containsExactly("Bjørn Berg", "Cecilie Cort", "Åse Ås");
        assertThat(owners.get("entries").get(0).get("exemption").asString()).isEqualTo("REQUESTED");

        // Decisions: the owner only, a real justification, one pending request each.
        assertThat(decide(bjornApp, true, tromso).status()).isEqualTo(404);
        assertThat(decide(bjornApp, true, office).status()).isEqualTo(403);
        assertThat(decide(bjornApp, true, ase).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/applications/" + bjornApp + "/exemption",
                Map.of("granted", true, "justification", "fordi"), bodo).status()).isEqualTo(400);
        assertThat(decide(aseApp, true, bodo).status()).isEqualTo(409);
        var granted = decide(bjornApp, true, bodo);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("exemption").get("state").asString()).isEqualTo("GRANTED");
        assertThat(granted.json().get("exemption").get("justification").asString()).isEqualTo(JUSTIFICATION);
        assertThat(decide(bjornApp, false, bodo).status()).isEqualTo(409);
        assertThat(list(position).get("status").asString()).isEqualTo("PENDING"); // Cecilie's is undecided

        var refused = decide(cecilieApp, false, bodo);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/notifications", cecilie).json().get(0).get("kind").asString())
                .isEqualTo("EXEMPTION_REFUSED");
        assertThat(list(position).get("status").asString()).isEqualTo("PENDING"); // she may still answer
        assertThat(api.post("/api/v1/me/applications/" + aseApp + "/exemption-request/accept", null, ase).status())
                .isEqualTo(409);

        var accepted = api.post("/api/v1/me/applications/" + cecilieApp + "/exemption-request/accept", null, cecilie);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        var published = list(position);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("applicants").asInt()).isEqualTo(3); // Dag withdrew before publication
        assertThat(published.get("gender").get("FEMALE").asInt()).isEqualTo(2);
        assertThat(published.get("gender").get("MALE").asInt()).isEqualTo(1);
        assertThat(published.get("gender").get("UNSPECIFIED").asInt()).isZero();
        assertThat(published.get("withheld").asInt()).isEqualTo(1);
        assertThat(names(published.get("entries"))).containsExactly("Cecilie Cort", "Åse Ås");
        var first = published.get("entries").get(0);
        var periodEnd = LocalDate.ofInstant(Instant.parse(published.get("periodEndedAt").asString()),
                java.time.ZoneId.of("Europe/Oslo"));
        assertThat(first.get("age").asInt()).isEqualTo(Period.between(LocalDate.of(2000, 12, 31), periodEnd)
                .getYears());
        assertThat(first.get("title").asString()).isEqualTo("Medisinstudent");
        assertThat(first.get("municipality").asString()).isEqualTo("Tromsø");
        assertThat(first.has("withheld")).isFalse();
        assertThat(published.get("entries").get(1).get("title").asString())
                .isEqualTo("Lege i spesialisering (LIS1)");
        var ownersPublished = list(position, bodo);
        assertThat(names(ownersPublished.get("entries"))).containsExactly("Bjørn Berg", "Cecilie Cort", "Åse Ås");
        assertThat(ownersPublished.get("entries").get(0).get("withheld").asBoolean()).isTrue();

        // After publication: no more requests, and a withdrawal does not shorten the list.
        assertThat(api.post("/api/v1/me/applications/" + aseApp + "/exemption-request", Map.of("reason", REASON), ase)
                .status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/me/applications/" + bjornApp + "/exemption-request", bjorn).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/me/applications/" + aseApp + "/withdraw", null, ase).status()).isEqualTo(200);
        assertThat(names(list(position).get("entries"))).containsExactly("Cecilie Cort", "Åse Ås");
        assertThat(list(position).get("applicants").asInt()).isEqualTo(3);

        // The extended list: every applicant with education and experience, for the parties only.
        var extended = api.get("/api/v1/positions/" + position + "/applicant-list/extended", dag);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200); // withdrew, but applied
        assertThat(names(extended.json().get("entries"))).containsExactly("Bjørn Berg", "Cecilie Cort", "Åse Ås");
        assertThat(extended.json().get("entries").get(0).get("experience").asString()).isEqualTo("Erfaring Bjørn Berg");
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list/extended", bodo).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list/extended", TestApi.ADMIN_EMAIL,
                TestApi.ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list/extended").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list/extended", tromso).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list/extended", office).status())
                .isEqualTo(403);
        var stranger = api.newApplicant("Fremmed", "LIS1");
        assertThat(api.get("/api/v1/positions/" + position + "/applicant-list/extended", stranger).status())
                .isEqualTo(403);

        assertThat(audit(position)).contains("EXEMPTION_REQUESTED", "EXEMPTION_GRANTED", "EXEMPTION_REFUSED",
                "LISTING_ACCEPTED", "APPLICANT_LIST_PUBLISHED", "CLOSED");
        assertThat(audit(position).getFirst()).isEqualTo("APPLICANT_LIST_PUBLISHED");
        assertThat(audit(position).stream().filter("APPLICANT_LIST_PUBLISHED"::equals).count()).isEqualTo(1);
    }

    @Test
    void a_refused_applicant_who_does_not_answer_is_listed_after_the_reply_days_and_a_list_is_published_once()
            throws Exception {
        var position = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, svarfrist"), bodo);
        var silent = applicant("Stille Søker", "LIS1", "1992-02-02", "UNSPECIFIED", "1804", null);
        var app = apply(position, silent, REASON);
        assertThat(api.post("/api/v1/positions/" + position + "/close", null, bodo).status()).isEqualTo(200);
        assertThat(decide(app, false, bodo).status()).isEqualTo(200);
        assertThat(lists.advanceDue(Instant.now())).isZero();
        assertThat(list(position).get("status").asString()).isEqualTo("PENDING");

        // Two nodes run the job at the same moment, three days on: the list is published once.
        var later = Instant.now().plus(Duration.ofDays(3)).plusSeconds(60);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var runs = pool.invokeAll(List.<Callable<Integer>>of(() -> lists.advanceDue(later),
                    () -> lists.advanceDue(later)));
            int total = 0;
            for (var run : runs) {
                total += run.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(1);
        }
        var published = list(position);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(names(published.get("entries"))).containsExactly("Stille Søker");
        assertThat(published.get("gender").get("UNSPECIFIED").asInt()).isEqualTo(1);
        assertThat(audit(position).stream().filter("APPLICANT_LIST_PUBLISHED"::equals).count()).isEqualTo(1);
    }

    @Test
    void ages_count_whole_years_at_the_period_end_around_birthdays_and_names_sort_the_norwegian_way() {
        var position = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, bursdager"), bodo);
        var today = LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));
        var born = Map.of("Ørjan Øye", today.minusYears(30), "Ærlig Ærø", today.minusYears(30).plusDays(1),
                "Aase Aas", today.minusYears(30).minusDays(1), "Zorro Zahl", today.minusYears(41));
        born.forEach((name, date) -> apply(position, applicant(name, "DOCTOR", date.toString(), "MALE", "1804", null),
                null));
        assertThat(api.post("/api/v1/positions/" + position + "/close", null, bodo).status()).isEqualTo(200);
        var published = list(position);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        var periodEnd = LocalDate.ofInstant(Instant.parse(published.get("periodEndedAt").asString()),
                java.time.ZoneId.of("Europe/Oslo"));
        // Independently: Norwegian order puts Æ, Ø, Å after Z, and the old spelling "Aa" counts as Å (as in
        // Norwegian dictionaries and phone books); age is whole years on the period's last date.
        assertThat(names(published.get("entries"))).containsExactly("Zorro Zahl", "Ærlig Ærø", "Ørjan Øye",
                "Aase Aas");
        var ages = new java.util.LinkedHashMap<String, Integer>();
        published.get("entries").forEach(e -> ages.put(e.get("name").asString(), e.get("age").asInt()));
        born.forEach((name, date) -> {
            int years = periodEnd.getYear() - date.getYear()
                    - (periodEnd.getDayOfYear() < date.withYear(periodEnd.getYear()).getDayOfYear() ? 1 : 0);
            assertThat(ages.get(name)).as(name).isEqualTo(years);
        });
        assertThat(ages).containsEntry("Ørjan Øye", 30).containsEntry("Ærlig Ærø", 29).containsEntry("Aase Aas", 30);
        assertThat(published.get("gender").get("MALE").asInt()).isEqualTo(4);
    }

    @Test
    void a_node_started_after_the_period_ended_publishes_from_the_stored_state_and_catches_up_missing_lists() {
        var position = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, omstart"), bodo);
        var app = apply(position, applicant("Omstart Søker", "LIS1", "1991-01-01", "FEMALE", "1804", null), REASON);
        assertThat(api.post("/api/v1/positions/" + position + "/close", null, bodo).status()).isEqualTo(200);
        assertThat(decide(app, false, bodo).status()).isEqualTo(200);
        // A list whose document was never written (the position closed while no node listened).
        var missed = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, glemt liste"), bodo);
        apply(missed, applicant("Glemt Søker", "LIS1", "1993-01-01", "MALE", "1804", null), null);
        assertThat(api.post("/api/v1/positions/" + missed + "/close", null, bodo).status()).isEqualTo(200);
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(missed)), "applicant_lists");
        assertThat(api.get("/api/v1/positions/" + missed + "/applicant-list").status()).isEqualTo(404);

        // A new node: nothing in memory, only what MongoDB holds.
        var restarted = new ApplicantListService(mongo, repository, positionService, clock);
        restarted.advanceDue();
        assertThat(list(position).get("status").asString()).isEqualTo("PENDING"); // the reply window still runs
        assertThat(list(missed).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(restarted.advanceDue(Instant.now().plus(Duration.ofDays(4)))).isGreaterThanOrEqualTo(1);
        assertThat(names(list(position).get("entries"))).containsExactly("Omstart Søker");
    }
}
