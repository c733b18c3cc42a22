package no.alisportalen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators rely on: security headers everywhere, probes, the metrics endpoint and who may read it. */
@IntegrationTest
class OperationsIntegrationTest {

    /**
     * The policy every response carries, stated here directive by directive (not read from the code): the
     * portal's own origin for everything; inline and eval for scripts and inline styles because Vaadin Flow's
     * development bundle needs them; data and blob images, data fonts, blob workers; no plugins, no foreign base,
     * forms only to itself, and no framing.
     */
    static final java.util.Map<String, java.util.Set<String>> POLICY = java.util.Map.ofEntries(
            java.util.Map.entry("default-src", java.util.Set.of("'self'")),
            java.util.Map.entry("script-src", java.util.Set.of("'self'", "'unsafe-inline'", "'unsafe-eval'")),
            java.util.Map.entry("style-src", java.util.Set.of("'self'", "'unsafe-inline'")),
            java.util.Map.entry("img-src", java.util.Set.of("'self'", "data:", "blob:")),
            java.util.Map.entry("font-src", java.util.Set.of("'self'", "data:")),
            java.util.Map.entry("connect-src", java.util.Set.of("'self'")),
            java.util.Map.entry("worker-src", java.util.Set.of("'self'", "blob:")),
            java.util.Map.entry("manifest-src", java.util.Set.of("'self'")),
            java.util.Map.entry("object-src", java.util.Set.of("'none'")),
            java.util.Map.entry("base-uri", java.util.Set.of("'self'")),
            java.util.Map.entry("form-action", java.util.Set.of("'self'")),
            java.util.Map.entry("frame-ancestors", java.util.Set.of("'none'")));

    /** A Content-Security-Policy header as directive → sources (order does not matter to a browser). */
    static java.util.Map<String, java.util.Set<String>> directives(@org.jspecify.annotations.Nullable String header) {
        var result = new java.util.HashMap<String, java.util.Set<String>>();
        if (header != null) {
            for (var directive : header.split(";")) {
                var parts = directive.strip().split("\\s+");
                if (!parts[0].isEmpty()) {
                    result.put(parts[0], java.util.Set.of(java.util.Arrays.copyOfRange(parts, 1, parts.length)));
                }
            }
        }
        return result;
    }

    @LocalServerPort
    int port;

    @Test
    void every_kind_of_response_carries_the_browser_security_headers() {
        var api = new TestApi(port);
        var responses = Map.of(
                "UI page", api.get("/"),
                "unknown UI page", api.get("/finnes-ikke"),
                "public API", api.get("/api/v1/municipalities"),
                "search API", api.get("/api/v1/positions"),
                "API 401", api.get("/api/v1/me"),
                "API 404", api.get("/api/v1/finnes-ikke"),
                "health", api.get("/actuator/health"),
                "API document", api.get("/v3/api-docs"),
                "Swagger UI", api.get("/swagger-ui/index.html"));
        responses.forEach((what, response) -> {
            assertThat(directives(response.header("Content-Security-Policy"))).as(what).isEqualTo(POLICY);
            assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(response.header("Permissions-Policy")).as(what).contains("camera=()");
        });
        assertThat(responses.get("Swagger UI").status()).isEqualTo(200);
        var search = responses.get("search API");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("Content-Type")).startsWith("application/json");
        // HEAD: the same headers and length, no body.
        var head = api.send(api.request("/api/v1/positions").method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("application/json");
        assertThat(head.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void security_filters_run_without_observation_wrappers_yet_requests_are_still_timed() {
        // The chain the servlet container calls holds the FilterChainProxy; its decorator wraps every filter.
        var proxy = org.springframework.test.util.ReflectionTestUtils.getField(securityFilterChain,
                "springSecurityFilterChain");
        var decorator = org.springframework.test.util.ReflectionTestUtils.getField(java.util.Objects.requireNonNull(
                proxy), org.springframework.security.web.FilterChainProxy.class, "filterChainDecorator");
        assertThat(decorator).isNotNull()
                .isNotInstanceOf(org.springframework.security.web.ObservationFilterChainDecorator.class);
        // http.server.requests (the request observation outside the security chain) still counts requests.
        new TestApi(port).get("/api/v1/municipalities");
        assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/municipalities").timer()).isNotNull()
                .satisfies(t -> assertThat(t.count()).isPositive());
    }

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("springSecurityFilterChain")
    jakarta.servlet.Filter securityFilterChain;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void the_session_cookie_is_http_only_same_site_lax_and_secure_behind_tls() {
        var api = new TestApi(port);
        var plain = api.send(api.request("/login").GET());
        var cookie = cookie(plain);
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        var behindProxy = api.send(api.request("/login").header("X-Forwarded-Proto", "https").GET());
        assertThat(cookie(behindProxy)).contains("HttpOnly").contains("Secure");
    }

    private static String cookie(TestApi.Response response) {
        List<String> cookies = response.headers().getOrDefault("set-cookie", List.of());
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    @Test
    void readiness_needs_the_store_and_the_search_alias_and_liveness_is_separate() {
        var api = new TestApi(port);
        var readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").propertyNames()).contains("mongo", "search", "readinessState");
        var liveness = api.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("components").propertyNames()).containsExactly("livenessState");
        assertThat(api.get("/api/v1/positions").status()).as("ready means search answers").isEqualTo(200);
    }

    @Test
    void prometheus_metrics_are_for_admins_and_the_scrape_key_only() {
        var api = new TestApi(port);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        assertThat(api.get("/actuator/prometheus", municipality).status()).isEqualTo(403);
        var scraped = api.send(api.request("/actuator/prometheus")
                .header("Authorization", "Bearer test-scrape-key-0123456789").GET());
        assertThat(scraped.status()).isEqualTo(200);
        var wrongKey = api.send(api.request("/actuator/prometheus").header("Authorization", "Bearer wrong").GET());
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(api.send(api.request("/actuator/health").header("Authorization", "Bearer test-scrape-key-0123456789")
                .GET()).status()).as("the scrape key reads health too, nothing else").isEqualTo(200);
        assertThat(api.send(api.request("/actuator/info").header("Authorization", "Bearer test-scrape-key-0123456789")
                .GET()).status()).isEqualTo(200);
    }

    @Test
    void the_portals_own_meters_are_scraped() {
        var api = new TestApi(port);
        // One failed login and one API-key request, so their meters have something to show.
        api.get("/api/v1/me", "nobody-" + java.util.UUID.randomUUID() + "@test.no", "Feil passord 2026");
        var admin = new String[] {TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD};
        var key = api.post("/api/v1/me/api-keys", Map.of("name", "Prometheus-test " + java.util.UUID.randomUUID()),
                admin).json().get("key").asString();
        api.send(api.request("/api/v1/me").header("Authorization", "Bearer " + key).GET());
        var text = api.get("/actuator/prometheus", admin).body();
        assertThat(text).contains("portal_positions{", "status=\"PUBLISHED\"", "portal_applications{",
                "portal_indexer_lag_seconds", "portal_feed_lag_seconds", "portal_alerts_lag_seconds",
                "portal_latent_demand_age_seconds", "portal_login_failures_total{", "portal_api_requests_total{",
                "jvm_memory_used_bytes", "http_server_requests_seconds");
        // A key's user-chosen name is no label (unbounded meters; api-v1 "Security rules").
        assertThat(text).doesNotContain("Prometheus-test");
    }
}
