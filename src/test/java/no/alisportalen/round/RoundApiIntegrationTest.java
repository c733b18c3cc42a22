package no.alisportalen.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A whole round through the API, every role and scope, hostile input, 409 after the match. */
@IntegrationTest
class RoundApiIntegrationTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    RoundReminders reminders;

    @org.springframework.beans.factory.annotation.Autowired
    RoundRetention retention;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private String id(TestApi api, String[] user) {
        return api.get("/api/v1/me", user).json().get("id").asString();
    }

    private static Map<String, Object> round(String name, String region, List<String> positions) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("region", region);
        body.put("positionIds", positions);
        body.put("applicantRankingDeadline", LocalDate.now().plusDays(14).toString());
        body.put("municipalityRankingDeadline", LocalDate.now().plusDays(21).toString());
        return body;
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    @Test
    void a_round_from_opening_to_offers_with_a_couple_and_every_role_in_its_place() {
        var api = new TestApi(port);
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var tromso = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5501"));
        var bergen = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "4601"));
        var nord = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var vest = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "VEST"));
        var p1 = api.publishedPosition(TestApi.position("1804", "Runde: Bodø sentrum"), bodo);
        var p2 = api.publishedPosition(TestApi.position("1804", "Runde: Bodø legevakt"), bodo);
        var p3 = api.publishedPosition(TestApi.position("5501", "Runde: Tromsø"), tromso);
        var westPosition = api.publishedPosition(TestApi.position("4601", "Runde: Bergen"), bergen);
        var a1 = api.newApplicant("Ane En", "LIS1");
        var a2 = api.newApplicant("Bo To", "LIS1");
        var a3 = api.newApplicant("Cato Tre", "DOCTOR");
        var a4 = api.newApplicant("Dina Fire", "DOCTOR");

        // Opening: the region's office or an admin; nobody else, and only the region's published positions.
        var body = round("Vårrunden", "NORD", List.of(p1, p2, p3));
        assertThat(api.post("/api/v1/rounds", body).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/rounds", body, vest).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/rounds", body, bodo).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/rounds", body, a1).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/rounds", round("Feil", "NORD", List.of(p1, westPosition)), nord).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/rounds", round("Feil", "NORD", List.of(p1, p1)), nord).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/rounds", round("Feil", "NORD", List.of("0000000000000000000000ff")), nord)
                .status()).isEqualTo(400);
        var late = round("Feil", "NORD", List.of(p1));
        late.put("municipalityRankingDeadline", LocalDate.now().plusDays(1).toString());
        var problem = api.post("/api/v1/rounds", late, nord);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).contains("application/problem+json");
        var created = api.post("/api/v1/rounds", body, nord);
        assertThat(created.status()).isEqualTo(201);
        var roundId = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(values(created.json().get("positions"), "positionId")).containsExactly(p1, p2, p3);
        assertThat(created.json().get("positions").get(0).get("capacity").asInt()).isEqualTo(1);
        // Anyone may read an open round.
        assertThat(values(api.get("/api/v1/rounds?region=NORD").json(), "id")).contains(roundId);

        // Applicants rank: the round's positions only, no repeats, at most 50.
        var path = "/api/v1/rounds/" + roundId;
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p1, westPosition)), a1)
                .status()).isEqualTo(400);
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p1, p1)), a1).status())
                .isEqualTo(400);
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", java.util.Collections.nCopies(51, p1)),
                a1).status()).isEqualTo(400);
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p1)), bodo).status())
                .isEqualTo(403);
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p1, p2)), a1).status())
                .isEqualTo(200);
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p1)), a2).status())
                .isEqualTo(200);
        // A couple: both name each other, then either ranks pairs (own position first).
        // Naming an unknown address answers as naming anyone (no probing); the couple just never forms.
        assertThat(api.post(path + "/couple", Map.of("partnerEmail", "nobody@test.no"), a3).status()).isEqualTo(200);
        assertThat(api.post(path + "/couple", Map.of("partnerEmail", a4[0]), a3).status()).isEqualTo(200);
        var pairs = Map.of("pairs", List.of(Map.of("positionId", p2, "partnerPositionId", p3)));
        assertThat(api.put(path + "/applicant-ranking", pairs, a3).status()).as("not a couple until both name")
                .isEqualTo(409);
        var formed = api.post(path + "/couple", Map.of("partnerEmail", a3[0]), a4);
        assertThat(formed.json().get("coupleFormed").asBoolean()).isTrue();
        assertThat(api.put(path + "/applicant-ranking", pairs, a3).status()).isEqualTo(200);
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p1)), a4).status())
                .as("a couple ranks pairs").isEqualTo(409);
        var seenByPartner = api.get(path + "/applicant-ranking", a4).json().get("pairs").get(0);
        assertThat(seenByPartner.get("positionId").asString()).as("oriented to the partner").isEqualTo(p3);

        // Municipalities rank who ranked their positions; left out means not acceptable.
        var candidates = api.get(path + "/positions/" + p2 + "/ranking", bodo);
        assertThat(candidates.status()).isEqualTo(200);
        assertThat(values(candidates.json().get("candidates"), "applicantId"))
                .containsExactlyInAnyOrder(id(api, a1), id(api, a3));
        assertThat(api.get(path + "/positions/" + p3 + "/ranking", bodo).status()).isEqualTo(403);
        assertThat(api.get(path + "/positions/" + p2 + "/ranking", nord).status()).isEqualTo(403);
        assertThat(api.get(path + "/positions/" + westPosition + "/ranking", bodo).status()).isEqualTo(404);
        assertThat(api.put(path + "/positions/" + p2 + "/ranking", Map.of("applicantIds", List.of(id(api, a2))), bodo)
                .status()).as("not a candidate there").isEqualTo(400);
        assertThat(api.put(path + "/positions/" + p1 + "/ranking",
                Map.of("applicantIds", List.of(id(api, a2), id(api, a1))), bodo).status()).isEqualTo(200);
        assertThat(api.put(path + "/positions/" + p2 + "/ranking",
                Map.of("applicantIds", List.of(id(api, a3), id(api, a1))), bodo).status()).isEqualTo(200);
        assertThat(api.put(path + "/positions/" + p3 + "/ranking", Map.of("applicantIds", List.of(id(api, a4))),
                tromso).status()).isEqualTo(200);
        // An admin may act in any region: follow the round and read a municipality's ranking.
        assertThat(api.get(path + "/progress", TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(api.get(path + "/positions/" + p1 + "/ranking", TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD)
                .status()).isEqualTo(200);
        assertThat(api.get(path + "/progress", a1).status()).isEqualTo(403);
        var progress = api.get(path + "/progress", nord).json();
        assertThat(progress.get("applicantsRanked").asInt()).isEqualTo(2);
        assertThat(progress.get("couplesFormed").asInt()).isEqualTo(1);
        assertThat(progress.get("positionsUnranked")).isEmpty();

        // The match: only the region's office or an admin; the result is the stable one.
        assertThat(api.post(path + "/match", null, vest).status()).isEqualTo(403);
        assertThat(api.post(path + "/match", null, bodo).status()).isEqualTo(403);
        var match = api.post(path + "/match", null, nord);
        assertThat(match.status()).isEqualTo(200);
        Map<String, String> assigned = new HashMap<>();
        match.json().get("assignments").forEach(a -> assigned.put(a.get("applicantId").asString(),
                a.get("positionId").asString()));
        assertThat(assigned).containsExactlyInAnyOrderEntriesOf(Map.of(id(api, a2), p1, id(api, a3), p2,
                id(api, a4), p3));
        assertThat(match.json().get("unmatchedApplicants")).hasSize(1);
        assertThat(match.json().get("unmatchedApplicants").get(0).asString()).isEqualTo(id(api, a1));
        assertThat(match.json().get("stable").asBoolean()).isTrue();
        assertThat(match.json().get("algorithm").asString()).contains("deferred acceptance");

        // After the match nothing is ranked any more, and it runs once.
        assertThat(api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p2)), a1).status())
                .isEqualTo(409);
        assertThat(api.put(path + "/positions/" + p1 + "/ranking", Map.of("applicantIds", List.of()), bodo)
                .status()).isEqualTo(409);
        assertThat(api.post(path + "/match", null, nord).status()).isEqualTo(409);
        // Before publication only the office sees the result; a matched round is not public.
        assertThat(api.get(path + "/result", a2).status()).isIn(404, 409);
        assertThat(api.get(path).status()).isEqualTo(404);

        assertThat(api.post(path + "/publish", null, bodo).status()).isEqualTo(403);
        assertThat(api.post(path + "/publish", null, nord).status()).isEqualTo(200);
        assertThat(api.post(path + "/publish", null, nord).status()).isEqualTo(409);

        // Each side sees its own part.
        var forA1 = api.get(path + "/result", a1).json();
        assertThat(forA1.get("assignments")).isEmpty();
        assertThat(forA1.get("unmatchedApplicants").get(0).asString()).isEqualTo(id(api, a1));
        var forA2 = api.get(path + "/result", a2).json();
        assertThat(forA2.get("assignments")).hasSize(1);
        assertThat(forA2.get("unmatchedApplicants")).isEmpty();
        var forBodo = api.get(path + "/result", bodo).json();
        assertThat(values(forBodo.get("assignments"), "positionId")).containsExactlyInAnyOrder(p1, p2);
        assertThat(api.get(path + "/result", tromso).json().get("assignments")).hasSize(1);

        // The assignment is an offer in the applicant's applications, which the applicant accepts.
        var offers = api.get("/api/v1/me/applications", a2).json();
        var offer = java.util.stream.StreamSupport.stream(offers.spliterator(), false)
                .filter(a -> a.get("positionId").asString().equals(p1)).findFirst().orElseThrow();
        assertThat(offer.get("status").asString()).isEqualTo("OFFERED");
        var applicationId = offer.get("id").asString();
        assertThat(api.post("/api/v1/me/applications/" + applicationId + "/accept", null, a1).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/me/applications/" + applicationId + "/accept", null, a2).json().get("status")
                .asString()).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/me/applications/" + applicationId + "/accept", null, a2).status())
                .isEqualTo(409);
        // The municipality sees it in the position's pipeline.
        assertThat(values(api.get("/api/v1/positions/" + p2 + "/applications", bodo).json(), "status"))
                .contains("OFFERED");
    }

    @Test
    void hostile_ids_and_cancelling() {
        var api = new TestApi(port);
        var nord = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var p1 = api.publishedPosition(TestApi.position("1804", "Runde: avlyses"), bodo);
        var applicant = api.newApplicant("Eva Fem", "LIS1");
        for (var bad : List.of("x", "0000000000000000000000ff", "../admin", "%00")) {
            assertThat(api.get("/api/v1/rounds/" + bad + "/result", nord).status()).as(bad).isIn(400, 404);
            assertThat(api.put("/api/v1/rounds/" + bad + "/applicant-ranking", Map.of("positionIds", List.of()),
                    applicant).status()).as(bad).isIn(400, 404);
        }
        var roundId = api.post("/api/v1/rounds", round("Avlyst runde", "NORD", List.of(p1)), nord).json().get("id")
                .asString();
        assertThat(api.put("/api/v1/rounds/" + roundId + "/applicant-ranking", Map.of("positionIds", "not a list"),
                applicant).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/rounds/" + roundId + "/cancel", null, applicant).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/rounds/" + roundId + "/cancel", null, nord).json().get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/rounds/" + roundId + "/match", null, nord).status()).isEqualTo(409);
        assertThat(api.put("/api/v1/rounds/" + roundId + "/applicant-ranking", Map.of("positionIds", List.of(p1)),
                applicant).status()).isEqualTo(404);
    }

    private static long roundNotices(JsonNode notifications, String roundName) {
        return java.util.stream.StreamSupport.stream(notifications.spliterator(), false)
                .filter(n -> n.get("kind").asString().equals("ROUND_DEADLINE"))
                .filter(n -> n.get("message").asString().contains(roundName)).count();
    }

    @Test
    void reminders_go_three_days_before_each_deadline_once_to_those_concerned() {
        var api = new TestApi(port);
        var nord = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var p1 = api.publishedPosition(TestApi.position("1804", "Runde: påminnelse"), bodo);
        var ranked = api.newApplicant("Frida Seks", "LIS1");
        var later = api.newApplicant("Geir Sju", "LIS1");
        var soon = round("Snart frist", "NORD", List.of(p1));
        soon.put("applicantRankingDeadline", LocalDate.now().plusDays(3).toString());
        soon.put("municipalityRankingDeadline", LocalDate.now().plusDays(3).toString());
        var soonId = api.post("/api/v1/rounds", soon, nord).json().get("id").asString();
        var farId = api.post("/api/v1/rounds", round("Lang frist", "NORD", List.of(p1)), nord).json().get("id")
                .asString();
        api.put("/api/v1/rounds/" + soonId + "/applicant-ranking", Map.of("positionIds", List.of(p1)), ranked);
        api.put("/api/v1/rounds/" + farId + "/applicant-ranking", Map.of("positionIds", List.of(p1)), later);

        assertThat(reminders.remind()).isPositive();
        assertThat(roundNotices(api.get("/api/v1/me/notifications", ranked).json(), "Snart frist")).isEqualTo(1);
        assertThat(roundNotices(api.get("/api/v1/me/notifications", bodo).json(), "Snart frist"))
                .as("the municipality has not ranked its position").isEqualTo(1);
        assertThat(roundNotices(api.get("/api/v1/me/notifications", later).json(), "Lang frist"))
                .as("fourteen days left: no reminder yet").isZero();
        reminders.remind();
        assertThat(roundNotices(api.get("/api/v1/me/notifications", ranked).json(), "Snart frist")).isEqualTo(1);

        // Rankings are personal data: in the applicant's export, and gone with the account.
        var export = api.get("/api/v1/me/export", ranked).json();
        assertThat(export.get("matchRounds").toString()).contains(p1);
        assertThat(api.delete("/api/v1/me", ranked).status()).isIn(200, 204);
        assertThat(api.get("/api/v1/rounds/" + soonId + "/positions/" + p1 + "/ranking", bodo).json()
                .get("candidates")).isEmpty();
    }

    @Test
    void after_the_retention_period_a_finished_rounds_rankings_are_deleted_and_its_result_stays() {
        var api = new TestApi(port);
        var nord = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var p1 = api.publishedPosition(TestApi.position("1804", "Runde: oppbevaring"), bodo);
        var applicant = api.newApplicant("Hege Åtte", "LIS1");
        var roundId = api.post("/api/v1/rounds", round("Gammel runde", "NORD", List.of(p1)), nord).json().get("id")
                .asString();
        var path = "/api/v1/rounds/" + roundId;
        api.put(path + "/applicant-ranking", Map.of("positionIds", List.of(p1)), applicant);
        api.put(path + "/positions/" + p1 + "/ranking", Map.of("applicantIds", List.of(id(api, applicant))), bodo);
        api.post(path + "/match", null, nord);
        api.post(path + "/publish", null, nord);
        assertThat(api.get("/api/v1/me/export", applicant).json().get("matchRounds").toString()).contains(roundId);
        // The stored input and seed re-run to the stored result: the match can be checked afterwards.
        var stored = mongo.findById(roundId, RoundDocuments.RoundDocument.class);
        var rerun = DeferredAcceptance.match(RoundService.toInput(java.util.Objects.requireNonNull(stored.snapshot())),
                stored.seed());
        assertThat(rerun.assignment()).containsExactly(0);
        assertThat(java.util.Objects.requireNonNull(stored.result()).assignments())
                .containsExactly(List.of(id(api, applicant), p1));

        assertThat(retention.purgeBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1))))
                .as("nothing is old enough yet").isZero();
        assertThat(retention.purgeBefore(java.time.Instant.now().plusSeconds(60))).isPositive();
        assertThat(api.get("/api/v1/me/export", applicant).json().get("matchRounds").toString())
                .doesNotContain(roundId);
        assertThat(api.get(path + "/result", nord).json().get("assignments")).hasSize(1);
    }
}
