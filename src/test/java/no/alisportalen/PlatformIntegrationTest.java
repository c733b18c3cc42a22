package no.alisportalen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, reference data, OpenAPI and the UI's front door through real HTTP. */
@IntegrationTest
class PlatformIntegrationTest {

    @LocalServerPort
    int port;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void health_is_public_and_up_with_one_component_per_store() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .until(() -> api.get("/actuator/health").status() == 200);
        var health = api.get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("elasticsearch").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void municipalities_are_public_reference_data() {
        var response = api.get("/api/v1/municipalities");
        assertThat(response.status()).isEqualTo(200);
        var all = response.json();
        assertThat(all.size()).isEqualTo(357);
        var bodo = all.valueStream().filter(m -> m.get("number").asString().equals("1804")).findFirst().orElseThrow();
        assertThat(bodo.get("name").asString()).isEqualTo("Bodø");
        assertThat(bodo.get("region").asString()).isEqualTo("NORD");
        assertThat(bodo.get("countyNumber").asString()).isEqualTo("18");
        assertThat(bodo.get("location").get("lat").asDouble()).isBetween(67.0, 67.5);
    }

    @Test
    void openapi_document_describes_the_public_api() {
        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/municipalities")).isTrue();
        assertThat(paths.has("/api/v1/applicants")).isTrue();
        assertThat(paths.has("/api/v1/admin/users")).isTrue();
        assertThat(paths.has("/api/v1/me")).isTrue();
    }

    @Test
    void the_landing_page_and_login_are_served_to_anonymous_visitors() {
        assertThat(api.get("/").status()).isEqualTo(200);
        assertThat(api.get("/login").status()).isEqualTo(200);
        assertThat(api.get("/styles.css").status()).isEqualTo(200);
    }

    @Test
    void actuator_details_beyond_health_are_for_admins() {
        assertThat(api.get("/actuator/env").status()).isIn(401, 404);
    }
}
