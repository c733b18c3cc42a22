package no.alisportalen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Mistyped addresses: the API answers problem details, the web UI its own not-found page, both with 404. */
@IntegrationTest
class UnknownRoutesIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void an_unknown_web_route_is_the_portals_not_found_page_with_status_404() {
        var response = new TestApi(port).get("/denne-siden-finnes-ikke");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        var api = new TestApi(port);
        assertThat(api.get("/stillinger").status()).as("a known page").isEqualTo(200);
        assertThat(api.get("/stilling/0123456789abcdef01234567").status()).as("a route with a parameter")
                .isNotEqualTo(404);
        assertThat(api.get("/styles.css").status()).as("a file").isEqualTo(200);
    }

    @Test
    void unknown_api_paths_and_methods_are_problems_for_anyone() {
        var api = new TestApi(port);
        for (String[] who : new String[][] {{}, {TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD}}) {
            var unknown = api.get("/api/v1/nonexistent", who);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
            var english = api.send(api.request("/api/v1/me/api-key", who).header("Accept-Language", "en").GET());
            assertThat(english.json().get("detail").asString()).contains("no such path");

            var wrongMethod = api.delete("/api/v1/positions", who);
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.header("Allow")).contains("GET", "POST").doesNotContain("DELETE");
            assertThat(wrongMethod.header("Content-Type")).startsWith("application/problem+json");

            var notAcceptable = api.send(api.request("/api/v1/municipalities", who).header("Accept", "text/html").GET());
            assertThat(notAcceptable.status()).isEqualTo(406);
            assertThat(notAcceptable.header("Content-Type")).startsWith("application/problem+json");
        }
        var csv = api.send(api.request("/api/v1/stats/positions.csv", TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD)
                .header("Accept", "text/csv").GET());
        assertThat(csv.status()).as("what an operation produces is acceptable").isEqualTo(200);
    }
}
