package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security review finding 6: every query parameter of search and matches, and every field of a match request,
 * with extreme values gets 2xx or 4xx, never 5xx. Seeded ({@code -Dfuzz.seed=N}).
 */
@IntegrationTest
class ExtremeParametersIntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 6);
    private static final List<String> EXTREMES = List.of("2147483647", "2147483648", "-2147483648", "-1", "0",
            "9223372036854775807", "99999999999999999999999", "1e308", "-1e308", "NaN", "Infinity", "0x10", "",
            " ", "abc", "%00", "\u0000", "x".repeat(5_000), "ø".repeat(300), "'\"<script>", "{\"$gt\":\"\"}",
            "90,180", "-91,0", "1,2,3", "NORD", "SALARIED", "GP_PRACTICE", "HOUSING");

    private static final List<String> SEARCH_PARAMETERS = List.of("q", "region", "county", "municipality",
            "employmentForm", "setting", "maxListLength", "minSalary", "introductionAgreement", "alisAgreement",
            "recruitmentWeak", "supervisorOnSite", "minOnCallRotation", "incentive", "centrality", "near",
            "nearMunicipality", "radiusKm", "sort", "page", "size");

    @LocalServerPort
    int port;

    @Test
    void the_paging_window_check_does_not_overflow() {
        var api = new TestApi(port);
        var response = api.get("/api/v1/positions?page=2147483647&size=1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"page\"");
        assertThat(api.get("/api/v1/positions?page=2147483647&size=100").status()).isEqualTo(400);
    }

    @Test
    void free_text_is_limited_to_200_characters() {
        var api = new TestApi(port);
        assertThat(api.get("/api/v1/positions?q=" + "a".repeat(200)).status()).isEqualTo(200);
        var tooLong = api.get("/api/v1/positions?q=" + "a".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"q\"");
    }

    @Test
    void every_search_and_matches_parameter_with_extreme_values_gets_no_server_error() {
        var api = new TestApi(port);
        var random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (String parameter : SEARCH_PARAMETERS) {
            for (String value : EXTREMES) {
                var query = parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                        + (random.nextBoolean() ? "&" + SEARCH_PARAMETERS.get(random.nextInt(SEARCH_PARAMETERS.size()))
                        + "=" + URLEncoder.encode(EXTREMES.get(random.nextInt(EXTREMES.size())), StandardCharsets.UTF_8)
                        : "");
                int status = api.get("/api/v1/positions?" + query).status();
                if (status >= 500) {
                    failures.add("GET /positions?" + query + " → " + status);
                }
            }
        }
        for (String parameter : List.of("page", "size")) {
            for (String value : EXTREMES) {
                var query = parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                int status = api.post("/api/v1/matches?" + query, Map.of()).status();
                if (status >= 500) {
                    failures.add("POST /matches?" + query + " → " + status);
                }
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    @Test
    void every_field_of_a_match_request_with_extreme_values_gets_no_server_error() {
        var api = new TestApi(port);
        var random = new Random(SEED);
        List<Object> values = new ArrayList<>(List.of(Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, Long.MAX_VALUE,
                1e308, -1e308, "x".repeat(5_000), "", "NORD", "REQUIRED", "2027-13-45", "9999-12-31", "0001-01-01",
                true, List.of(), List.of("NOPE"), List.of("1804", "1804"), Map.of("location", 99), Map.of()));
        var fields = List.of("regions", "counties", "municipalities", "locationRequired", "homeMunicipality",
                "maxDistanceKm", "employmentForms", "settings", "maxListLength", "minAnnualSalaryNok", "fixedSalary",
                "introductionAgreement", "supervisorOnSite", "minOnCallRotation", "earliestStart", "latestStart",
                "incentivesPreferred", "weights");
        List<String> failures = new ArrayList<>();
        for (String field : fields) {
            for (Object value : values) {
                var body = new HashMap<String, Object>();
                body.put(field, value);
                if (random.nextBoolean()) {
                    body.put(fields.get(random.nextInt(fields.size())), values.get(random.nextInt(values.size())));
                }
                var response = api.post("/api/v1/matches?size=" + (1 + random.nextInt(100)), body);
                if (response.status() >= 500) {
                    String sent = body.toString();
                    failures.add("POST /matches " + sent.substring(0, Math.min(200, sent.length())) + " → "
                            + response.status() + " " + response.body());
                }
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }
}
