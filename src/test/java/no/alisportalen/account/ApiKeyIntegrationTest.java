package no.alisportalen.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** API keys: lifecycle, scope, read-only office keys, rate limit, audit, and that only a hash is stored. */
@IntegrationTest
class ApiKeyIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestApi api() {
        return new TestApi(port);
    }

    private static Map<String, Object> position(String municipality) {
        return TestApi.position(municipality, "ALIS med fastlønn via HR-systemet");
    }

    private JsonNode createKey(TestApi api, String[] owner, String name) {
        var response = api.post("/api/v1/me/api-keys", Map.of("name", name), owner);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/api/v1/me/api-keys/" + response.json().get("id").asString());
        return response.json();
    }

    private TestApi.Response withKey(TestApi api, String method, String path, String key, Object body) {
        var builder = api.request(path).header("Authorization", "Bearer " + key);
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder().build()
                            .writeValueAsString(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return api.send(builder);
    }

    @Test
    void a_municipality_key_creates_and_publishes_positions_and_the_audit_trail_names_the_key() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var created = createKey(api, bodo, "Visma HR");
        var key = created.get("key").asString();
        assertThat(key).startsWith("alis_");
        var oneYear = Instant.now().plus(Duration.ofDays(365));
        assertThat(Duration.between(Instant.parse(created.get("expiresAt").asString()), oneYear).abs())
                .as("default expiry one year").isLessThan(Duration.ofMinutes(5));

        var me = withKey(api, "GET", "/api/v1/me", key, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(bodo[0]);

        var position = withKey(api, "POST", "/api/v1/positions", key, position("1804"));
        assertThat(position.status()).as(position.body()).isEqualTo(201);
        var id = position.json().get("id").asString();
        var published = withKey(api, "POST", "/api/v1/positions/" + id + "/publish", key, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        var audit = api.get("/api/v1/positions/" + id + "/audit", bodo).json();
        assertThat(audit.valueStream().map(e -> e.get("actor").asString()))
                .hasSize(2).allMatch(actor -> actor.equals(bodo[0] + " (API key \"Visma HR\")"));

        var listed = api.get("/api/v1/me/api-keys", bodo).json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).has("key")).as("the key is shown once only").isFalse();
        assertThat(listed.get(0).get("name").asString()).isEqualTo("Visma HR");
        assertThat(listed.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(listed.get(0).get("lastUsedAt").isNull()).as("last use is shown").isFalse();
    }

    @Test
    void a_municipality_key_stays_inside_its_municipality() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var tromso = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5501"));
        var key = createKey(api, bodo, "HR").get("key").asString();
        assertThat(withKey(api, "POST", "/api/v1/positions", key, position("5501")).status()).isEqualTo(403);
        var theirs = api.post("/api/v1/positions", position("5501"), tromso).json().get("id").asString();
        var change = withKey(api, "POST", "/api/v1/positions/" + theirs + "/publish", key, null);
        assertThat(change.status()).isIn(403, 404);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("audit.actor").regex("API key")
                        .and("municipalityNumber").is("5501")), "positions")).isZero();
    }

    @Test
    void an_alis_office_key_reads_its_region_and_writes_nothing() {
        var api = api();
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var key = createKey(api, office, "NAV-uttrekk").get("key").asString();
        assertThat(withKey(api, "GET", "/api/v1/stats/positions?region=NORD", key, null).status()).isEqualTo(200);
        assertThat(withKey(api, "GET", "/api/v1/stats/positions?region=VEST", key, null).status()).isEqualTo(403);
        var write = withKey(api, "PUT", "/api/v1/me", key, Map.of("name", "Endret via nøkkel"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/me", office).json().get("name").asString()).isEqualTo("Bruker");
    }

    @Test
    void applicants_and_anonymous_callers_cannot_make_keys_and_keys_cannot_make_keys() {
        var api = api();
        var applicant = api.newApplicant("Nøkkelløs", "LIS1");
        assertThat(api.post("/api/v1/me/api-keys", Map.of("name", "x"), applicant).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/me/api-keys", Map.of("name", "x")).status()).isEqualTo(401);
        var admin = new String[] {TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD};
        var key = createKey(api, admin, "Skript " + java.util.UUID.randomUUID()).get("key").asString();
        assertThat(withKey(api, "POST", "/api/v1/me/api-keys", key, Map.of("name", "avlegger")).status())
                .isEqualTo(403);
    }

    @Test
    void revoked_expired_unknown_and_malformed_keys_get_401() throws Exception {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var revoked = createKey(api, bodo, "Gammel");
        var key = revoked.get("key").asString();
        assertThat(withKey(api, "GET", "/api/v1/me", key, null).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/me/api-keys/" + revoked.get("id").asString(), bodo).status()).isEqualTo(204);
        var after = withKey(api, "GET", "/api/v1/me", key, null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/me/api-keys", bodo).json().get(0).get("status").asString()).isEqualTo("REVOKED");

        var other = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var theirs = createKey(api, other, "Deres").get("id").asString();
        assertThat(api.delete("/api/v1/me/api-keys/" + theirs, bodo).status()).as("not your key").isEqualTo(404);

        var soon = api.post("/api/v1/me/api-keys", Map.of("name", "Kortlivet",
                "expiresAt", Instant.now().plusSeconds(2).toString()), bodo);
        assertThat(soon.status()).isEqualTo(201);
        var shortKey = soon.json().get("key").asString();
        assertThat(withKey(api, "GET", "/api/v1/me", shortKey, null).status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> withKey(api, "GET", "/api/v1/me", shortKey, null).status() == 401);

        assertThat(withKey(api, "GET", "/api/v1/me", "alis_" + "A".repeat(43), null).status()).isEqualTo(401);
        assertThat(withKey(api, "GET", "/api/v1/me", "not-a-key", null).status()).isEqualTo(401);
        assertThat(withKey(api, "GET", "/api/v1/positions", "not-a-key", null).status())
                .as("a bad key is refused even where no login is needed").isEqualTo(401);
    }

    @Test
    void bad_names_and_expiries_are_field_errors() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        for (var body : java.util.List.<Map<String, Object>>of(Map.of(), Map.of("name", "  "),
                Map.of("name", "x".repeat(81)), Map.of("name", "Fortid", "expiresAt", "2020-01-01"),
                Map.of("name", "Evig", "expiresAt", "2099-01-01"), Map.of("name", "Tull", "expiresAt", "i morgen"))) {
            var response = api.post("/api/v1/me/api-keys", body, bodo);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("message").asString()).isNotBlank();
        }
        createKey(api, bodo, "Dobbel");
        var duplicate = api.post("/api/v1/me/api-keys", Map.of("name", "dobbel"), bodo);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void the_store_holds_only_the_keys_sha256() throws Exception {
        var api = api();
        var admin = new String[] {TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD};
        var created = createKey(api, admin, "Hash " + java.util.UUID.randomUUID());
        var key = created.get("key").asString();
        var stored = mongo.findById(created.get("id").asString(), Document.class, "api_keys");
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(key).doesNotContain(key.substring(10));
        // The rule, stated here rather than taken from the code under test: lowercase hex SHA-256 of the key's UTF-8.
        var sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stored.getString("hash")).isEqualTo(sha256).hasSize(64);
    }

    @Test
    void too_many_requests_for_one_key_get_429_with_retry_after_and_other_keys_go_on() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var busy = createKey(api, bodo, "Travel").get("key").asString();
        var calm = createKey(api, bodo, "Rolig").get("key").asString();
        TestApi.Response last = null;
        int accepted = 0;
        for (int i = 0; i < 1_000; i++) {
            last = withKey(api, "GET", "/api/v1/me", busy, null);
            if (last.status() != 200) {
                break;
            }
            accepted++;
        }
        assertThat(accepted).as("the test profile allows 120 a minute").isBetween(120, 125);
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(last.json().get("detail").asString()).contains("API-nøkkel");
        assertThat(withKey(api, "GET", "/api/v1/me", calm, null).status()).isEqualTo(200);
    }
}
