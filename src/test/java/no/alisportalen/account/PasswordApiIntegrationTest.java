package no.alisportalen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;

/** Passwords exactly as shared/docs/api-v1.md ("Passwords") states them, and the admin start-up guard. */
@IntegrationTest
class PasswordApiIntegrationTest {

    private static final String NEW = "Et helt nytt passord 2027";

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mail;

    @Test
    void a_user_changes_their_password_with_the_current_one() {
        var api = new TestApi(port);
        var user = api.newApplicant("Passord Bytter", "LIS1");
        var wrong = api.put("/api/v1/me/password", Map.of("currentPassword", "Feil passord 1", "newPassword", NEW), user);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"currentPassword\"");
        var weak = api.put("/api/v1/me/password", Map.of("currentPassword", user[1], "newPassword", "kort"), user);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"newPassword\"");

        assertThat(api.put("/api/v1/me/password", Map.of("currentPassword", user[1], "newPassword", NEW), user)
                .status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", user).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", user[0], NEW).status()).isEqualTo(200);
    }

    @Test
    void an_admin_sets_a_temporary_password_that_must_be_changed_before_anything_else() {
        var api = new TestApi(port);
        var user = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var id = api.get("/api/v1/me", user).json().get("id").asString();
        var temporary = "Midlertidig passord 42";

        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        assertThat(api.put("/api/v1/admin/users/" + id + "/password", Map.of("temporaryPassword", temporary), office)
                .status()).isEqualTo(403);
        assertThat(api.put("/api/v1/admin/users/nope/password", Map.of("temporaryPassword", temporary),
                TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/admin/users/" + id + "/password", Map.of("temporaryPassword", "123"),
                TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).status()).isEqualTo(400);
        assertThat(api.put("/api/v1/admin/users/" + id + "/password", Map.of("temporaryPassword", temporary),
                TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/positions/mine", user).status()).as("the old password").isEqualTo(401);
        var blocked = api.get("/api/v1/positions/mine", user[0], temporary);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("type").asString()).endsWith("/password-change-required");
        assertThat(api.get("/api/v1/me", user[0], temporary).status()).isEqualTo(200);

        assertThat(api.put("/api/v1/me/password", Map.of("currentPassword", temporary, "newPassword", NEW),
                user[0], temporary).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/positions/mine", user[0], NEW).status()).isEqualTo(200);
    }

    @Test
    void a_reset_link_is_mailed_works_once_and_the_answer_never_tells_whether_an_address_exists() throws Exception {
        var api = new TestApi(port);
        var user = api.newApplicant("Glemsk Lege", "DOCTOR");
        var unknown = api.post("/api/v1/password-reset", Map.of("email", "finnes-ikke-" + System.nanoTime() + "@test.no"));
        var known = api.post("/api/v1/password-reset", Map.of("email", user[0].toUpperCase()));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());

        var token = await().atMost(Duration.ofSeconds(20)).until(() -> resetToken(user[0]), Optional::isPresent).get();
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", token, "newPassword", "kort")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", token, "newPassword", NEW)).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", user).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", user[0], NEW).status()).isEqualTo(200);

        var again = api.post("/api/v1/password-reset/confirm", Map.of("token", token, "newPassword", NEW + "!"));
        assertThat(again.status()).as("single use").isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"token\"");
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", "made-up", "newPassword", NEW)).status())
                .isEqualTo(400);
    }

    private Optional<String> resetToken(String email) throws Exception {
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(email))
                    && message.getSubject().contains("nytt passord")) {
                var matcher = Pattern.compile("nytt-passord\\?token=([A-Za-z0-9_-]+)")
                        .matcher(String.valueOf(message.getContent()));
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void on_a_real_mongodb_the_demo_or_a_weak_admin_password_stops_the_start() {
        var external = new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db:27017/alisportalen");
        var demo = new AdminProperties("admin@kommune.no", AdminProperties.DEMO_PASSWORD, "Admin");
        var weak = new AdminProperties("admin@kommune.no", "passord123", "Admin");
        var strong = new AdminProperties("admin@kommune.no", "Et langt og hemmelig passord", "Admin");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> AdminBootstrap.refuseDemoPasswordOutsideTheEmbeddedRun(demo, external))
                .hasMessageContaining("PORTAL_ADMIN_PASSWORD");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> AdminBootstrap.refuseDemoPasswordOutsideTheEmbeddedRun(weak, external))
                .hasMessageContaining("PORTAL_ADMIN_PASSWORD");
        AdminBootstrap.refuseDemoPasswordOutsideTheEmbeddedRun(strong, external);
        AdminBootstrap.refuseDemoPasswordOutsideTheEmbeddedRun(demo, new MockEnvironment());
    }
}
