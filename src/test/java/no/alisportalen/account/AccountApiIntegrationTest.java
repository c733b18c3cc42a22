package no.alisportalen.account;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AccountApiIntegrationTest {

    private static final String PASSWORD = "Et langt passord 2026";

    @LocalServerPort
    int port;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.no";
    }

    private Map<String, Object> applicant(String email) {
        return Map.of("email", email, "password", PASSWORD, "name", "Test Søker", "stage", "LIS1");
    }

    @Test
    void anyone_can_register_as_applicant_and_then_read_their_account() {
        var email = uniqueEmail("reg");
        var created = api.post("/api/v1/applicants", applicant(email));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/me");
        assertThat(created.json().get("role").asString()).isEqualTo("APPLICANT");
        assertThat(created.body()).doesNotContain("password").doesNotContain(PASSWORD);

        var me = api.get("/api/v1/me", email, PASSWORD);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("stage").asString()).isEqualTo("LIS1");
    }

    @Test
    void a_taken_email_is_a_conflict_whatever_its_case() {
        var email = uniqueEmail("dup");
        assertThat(api.post("/api/v1/applicants", applicant(email)).status()).isEqualTo(201);
        no.alisportalen.TestConfirmations.confirm(email);
        var again = api.post("/api/v1/applicants", applicant(email.toUpperCase()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void weak_passwords_and_missing_fields_get_field_errors_in_the_requested_language() {
        var weak = api.send(api.request("/api/v1/applicants").header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + uniqueEmail("weak") + "\",\"password\":\"short\",\"name\":\"A\",\"stage\":\"LIS1\"}")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(weak.json().get("errors").get(0).get("message").asString()).contains("characters");

        var missing = api.post("/api/v1/applicants", Map.of("name", "A"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("email", "password", "stage");
        assertThat(missing.body()).contains("Skriv inn en e-postadresse");
    }

    @Test
    void hostile_input_gets_problem_details_never_a_500() {
        assertThat(api.post("/api/v1/applicants", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/applicants",
                Map.of("email", uniqueEmail("enum"), "password", PASSWORD, "name", "A", "stage", "SURGEON")).status())
                .isEqualTo(400);
        var operator = api.post("/api/v1/applicants",
                "{\"email\":{\"$gt\":\"\"},\"password\":\"" + PASSWORD + "\",\"name\":\"A\",\"stage\":\"LIS1\"}");
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().get("type").asString()).endsWith("/malformed");

        var huge = api.post("/api/v1/applicants", "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("status").asInt()).isEqualTo(413);

        var text = api.send(api.request("/api/v1/applicants").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void me_needs_valid_credentials() {
        var anonymous = api.get("/api/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("type").asString()).endsWith("/unauthorized");
        assertThat(anonymous.header("WWW-Authenticate")).isNull();
        assertThat(api.get("/api/v1/me", ADMIN_EMAIL, "wrong password here").status()).isEqualTo(401);
    }

    @Test
    void only_admins_create_users_and_every_scope_is_checked() {
        var municipalityUser = Map.of("email", uniqueEmail("kommune"), "password", PASSWORD, "name", "Kommune",
                "role", "MUNICIPALITY", "municipalityNumber", "1804");
        var created = api.post("/api/v1/admin/users", municipalityUser, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("municipalityNumber").asString()).isEqualTo("1804");

        var applicantEmail = uniqueEmail("app");
        api.post("/api/v1/applicants", applicant(applicantEmail));
        var office = Map.of("email", uniqueEmail("office"), "password", PASSWORD, "name", "ALIS Midt", "role",
                "ALIS_OFFICE", "region", "MIDT");
        assertThat(api.post("/api/v1/admin/users", office, ADMIN_EMAIL, ADMIN_PASSWORD).status()).isEqualTo(201);

        var anotherUser = Map.of("email", uniqueEmail("x"), "password", PASSWORD, "name", "X", "role", "ADMIN");
        assertThat(api.post("/api/v1/admin/users", anotherUser).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/users", anotherUser, applicantEmail, PASSWORD).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/users", anotherUser, (String) municipalityUser.get("email"), PASSWORD)
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/users", anotherUser, (String) office.get("email"), PASSWORD).status())
                .isEqualTo(403);

        var unknownMunicipality = Map.of("email", uniqueEmail("bad"), "password", PASSWORD, "name", "K", "role",
                "MUNICIPALITY", "municipalityNumber", "9999");
        var refused = api.post("/api/v1/admin/users", unknownMunicipality, ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("municipalityNumber");
        var officeWithoutRegion = Map.of("email", uniqueEmail("bad"), "password", PASSWORD, "name", "K", "role",
                "ALIS_OFFICE");
        assertThat(api.post("/api/v1/admin/users", officeWithoutRegion, ADMIN_EMAIL, ADMIN_PASSWORD).status())
                .isEqualTo(400);
    }

    @Test
    void repeated_failed_logins_lock_the_account_for_a_while_even_with_the_right_password() {
        var email = uniqueEmail("throttle");
        api.post("/api/v1/applicants", applicant(email));
        for (int i = 0; i < LoginThrottleAccess.ALLOWED_FAILURES; i++) {
            assertThat(api.get("/api/v1/me", email, "wrong-" + i + "-password").status()).isEqualTo(401);
        }
        var locked = api.get("/api/v1/me", email, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(locked.json().get("type").asString()).endsWith("/login-throttled");
    }

    /** The throttle's limit without opening the security package. */
    static final class LoginThrottleAccess {
        static final int ALLOWED_FAILURES = 5;
    }
}
