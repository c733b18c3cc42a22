package no.alisportalen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security review finding 4. Each test speaks from its own client address (X-Forwarded-For, honoured in tests
 * through server.forward-headers-strategy), so the address limits it exhausts touch no other test.
 */
@IntegrationTest
class ThrottlingIntegrationTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    no.alisportalen.account.RegistrationThrottle throttle;

    private TestApi.Response get(TestApi api, String address, String user, String password) {
        return api.send(api.request("/api/v1/me", user, password).header("X-Forwarded-For", address).GET());
    }

    @Test
    void fifty_parallel_wrong_passwords_cost_what_fifty_serial_ones_do() throws Exception {
        var api = new TestApi(port);
        var victim = api.newApplicant("Parallell", "LIS1");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            attempts.add(() -> get(api, "198.51.100.1", victim[0], "Feil passord " + n).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (var future : pool.invokeAll(attempts)) {
                statuses.add(future.get());
            }
        }
        // A 401 means the password was checked; only the allowed number may be.
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(LoginThrottle.ALLOWED_FAILURES);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(50 - LoginThrottle.ALLOWED_FAILURES);
        var blocked = get(api, "198.51.100.1", victim[0], victim[1]);
        assertThat(blocked.status()).as("even the right password waits").isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
    }

    @Test
    void spraying_one_password_over_many_accounts_is_limited_per_address() {
        var api = new TestApi(port);
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < LoginThrottle.ALLOWED_FAILURES_PER_ADDRESS + 10; i++) {
            int status = get(api, "198.51.100.2", "spray-" + i + "@test.no", "Sommer2026!").status();
            if (status == 401) {
                unauthorized++;
            } else if (status == 429) {
                throttled++;
            }
        }
        assertThat(unauthorized).isEqualTo(LoginThrottle.ALLOWED_FAILURES_PER_ADDRESS);
        assertThat(throttled).isEqualTo(10);
        // Another address is unaffected.
        var someone = api.newApplicant("Uberørt", "LIS1");
        assertThat(get(api, "198.51.100.3", someone[0], someone[1]).status()).isEqualTo(200);
    }

    @Test
    void right_passwords_in_parallel_all_succeed() throws Exception {
        var api = new TestApi(port);
        var user = api.newApplicant("Mange faner", "LIS1");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(() -> get(api, "198.51.100.4", user[0], user[1]).status());
        }
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (var future : pool.invokeAll(calls)) {
                assertThat(future.get()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_username_longer_than_an_email_address_is_refused_without_a_lookup() {
        var api = new TestApi(port);
        var response = get(api, "198.51.100.5", "a".repeat(300) + "@test.no", "whatever-password");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void registration_is_throttled_per_address_so_taken_addresses_cannot_be_listed_at_speed() {
        var api = new TestApi(port);
        var taken = api.newApplicant("Opptatt", "LIS1");
        var body = Map.of("email", taken[0], "password", TestApi.PASSWORD, "name", "Lister", "stage", "LIS1");
        // The test profile allows 400 attempts an hour. All but the last five are spent directly: through the
        // API each attempt hashes a password (~0.1 s), which made this test take 40 s.
        for (int i = 0; i < 395; i++) {
            throttle.acquire("203.0.113.9");
        }
        int conflicts = 0;
        TestApi.Response last = null;
        for (int i = 0; i < 401; i++) {
            last = api.send(api.request("/api/v1/applicants").header("X-Forwarded-For", "203.0.113.9")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper
                            .builder().build().writeValueAsString(body))));
            if (last.status() == 409) {
                conflicts++;
            } else {
                break;
            }
        }
        assertThat(conflicts).as("attempts that find the address taken count too").isEqualTo(5);
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(last.json().get("title").asString()).isEqualTo("For mange forespørsler");
    }
}
