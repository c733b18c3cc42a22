package no.alisportalen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.TestConfirmations;
import no.alisportalen.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second security review's rules (api-v1 "Security rules (extension)"), each written as the attack it stops.
 * The test context has SMTP (GreenMail), so self-registered addresses start unconfirmed.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityRulesIntegrationTest {

    private static final Pattern RESET = Pattern.compile("nytt-passord\\?token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "Et helt nytt passord 2027";

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mail;

    @Autowired
    MeterRegistry meters;

    private TestApi api() {
        return new TestApi(port);
    }

    private static String key(TestApi api, String[] owner, String name) {
        var created = api.post("/api/v1/me/api-keys", Map.of("name", name), owner);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private static TestApi.Response withKey(TestApi api, String method, String path, String key,
            Object body) {
        var builder = api.request(path).header("Authorization", "Bearer " + key);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body)));
        }
        return api.send(builder);
    }

    /** An open round of ALIS Nord on the position, opened by a new office user; its id. */
    private static String openRound(TestApi api, String name, String position) {
        var nord = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        var round = Map.of("name", name, "region", "NORD", "positionIds", List.of(position),
                "applicantRankingDeadline", LocalDate.now().plusDays(14).toString(),
                "municipalityRankingDeadline", LocalDate.now().plusDays(21).toString());
        var created = api.post("/api/v1/rounds", round, nord);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String id(TestApi api, String[] user) {
        return api.get("/api/v1/me", user).json().get("id").asString();
    }

    private static String[] admin() {
        return new String[] {TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD};
    }

    /** Reset links mailed to the address, oldest first. */
    private List<String> resetTokens(String email) {
        List<String> tokens = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(email))) {
                    var matcher = RESET.matcher(TestMail.text(message));
                    if (matcher.find()) {
                        tokens.add(matcher.group(1));
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return tokens;
    }

    private List<String> awaitResetTokens(String email, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> resetTokens(email), t -> t.size() >= count);
    }

    @Test
    void a_key_made_before_an_admins_temporary_password_is_refused_after_it() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var key = key(api, bodo, "Lekket nøkkel");
        var bodoId = id(api, bodo);
        assertThat(withKey(api, "GET", "/api/v1/positions/mine", key, null).status()).isEqualTo(200);

        assertThat(api.put("/api/v1/admin/users/" + bodoId + "/password",
                Map.of("temporaryPassword", "Midlertidig passord 2026"), admin()).status()).isEqualTo(204);

        var refused = withKey(api, "GET", "/api/v1/positions/mine", key, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/admin/users/" + bodoId + "/api-keys", admin()).json().get(0).get("status")
                .asString()).isEqualTo("REVOKED");
    }

    @Test
    void a_key_made_before_a_password_reset_is_refused_after_it_but_the_owners_own_change_keeps_it() {
        var api = api();
        var office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "VEST"));
        var kept = key(api, office, "Beholdes");
        assertThat(api.put("/api/v1/me/password", Map.of("currentPassword", office[1], "newPassword", NEW_PASSWORD),
                office).status()).isEqualTo(204);
        assertThat(withKey(api, "GET", "/api/v1/stats/summary?region=VEST", kept, null).status())
                .as("a change with the current password keeps the keys").isEqualTo(200);

        var changed = new String[] {office[0], NEW_PASSWORD};
        var lost = key(api, changed, "Lekket");
        assertThat(api.post("/api/v1/password-reset", Map.of("email", office[0])).status()).isEqualTo(202);
        var token = awaitResetTokens(office[0], 1).getLast();
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", token, "newPassword",
                NEW_PASSWORD + "!")).status()).isEqualTo(204);
        assertThat(withKey(api, "GET", "/api/v1/stats/summary?region=VEST", lost, null).status()).isEqualTo(401);
        assertThat(withKey(api, "GET", "/api/v1/stats/summary?region=VEST", kept, null).status()).isEqualTo(401);
    }

    @Test
    void an_admin_lists_and_revokes_any_accounts_keys_and_nobody_else_can() {
        var api = api();
        var tromso = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5501"));
        var other = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var key = key(api, tromso, "HR-system");
        var path = "/api/v1/admin/users/" + id(api, tromso) + "/api-keys";

        var listed = api.get(path, admin());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().get(0).get("name").asString()).isEqualTo("HR-system");
        assertThat(listed.body()).doesNotContain(key);
        var keyId = listed.json().get(0).get("id").asString();

        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.get(path, other).status()).isEqualTo(403);
        assertThat(api.get(path, tromso).status()).isEqualTo(403);
        assertThat(api.delete(path + "/" + keyId, other).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/users/000000000000000000000000/api-keys", admin()).status()).isEqualTo(404);
        assertThat(api.delete(path + "/000000000000000000000000", admin()).status()).isEqualTo(404);

        assertThat(api.delete(path + "/" + keyId, admin()).status()).isEqualTo(204);
        assertThat(withKey(api, "GET", "/api/v1/positions/mine", key, null).status()).isEqualTo(401);
        assertThat(api.get(path, admin()).json().get(0).get("status").asString()).isEqualTo("REVOKED");
    }

    @Test
    void a_key_cannot_manage_keys_users_or_passwords_not_even_an_admins() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var adminKey = key(api, admin(), "Admin-skript " + System.nanoTime());
        var bodoKey = key(api, bodo, "HR");
        var bodoKeyId = api.get("/api/v1/me/api-keys", bodo).json().get(0).get("id").asString();
        var bodoId = id(api, bodo);

        var attempts = new ArrayList<TestApi.Response>();
        attempts.add(withKey(api, "POST", "/api/v1/me/api-keys", bodoKey, Map.of("name", "Evig")));
        attempts.add(withKey(api, "GET", "/api/v1/me/api-keys", bodoKey, null));
        attempts.add(withKey(api, "DELETE", "/api/v1/me/api-keys/" + bodoKeyId, bodoKey, null));
        attempts.add(withKey(api, "PUT", "/api/v1/me/password", bodoKey,
                Map.of("currentPassword", "gjettet", "newPassword", NEW_PASSWORD)));
        attempts.add(withKey(api, "POST", "/api/v1/admin/users", adminKey, Map.of("email", "ny-admin@test.no",
                "password", NEW_PASSWORD, "name", "Ny admin", "role", "ADMIN")));
        attempts.add(withKey(api, "PUT", "/api/v1/admin/users/" + bodoId + "/password", adminKey,
                Map.of("temporaryPassword", NEW_PASSWORD)));
        attempts.add(withKey(api, "GET", "/api/v1/admin/users/" + bodoId + "/api-keys", adminKey, null));
        attempts.add(withKey(api, "DELETE", "/api/v1/admin/users/" + bodoId + "/api-keys/" + bodoKeyId, adminKey,
                null));
        // Malformed bodies too: the refusal comes before anything is read.
        attempts.add(withKey(api, "POST", "/api/v1/admin/users", adminKey, Map.of()));
        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        });

        assertThat(api.get("/api/v1/me", "ny-admin@test.no", NEW_PASSWORD).status()).isEqualTo(401);
        assertThat(withKey(api, "GET", "/api/v1/positions/mine", bodoKey, null).status())
                .as("the key was not revoked by itself").isEqualTo(200);
        assertThat(api.get("/api/v1/me", bodo).status()).as("the password was not set").isEqualTo(200);
        assertThat(withKey(api, "GET", "/api/v1/positions?size=1", adminKey, null).status())
                .as("the admin key still does everything else").isEqualTo(200);
    }

    @Test
    void an_unconfirmed_account_cannot_apply_rank_or_pair_and_a_confirmed_one_can() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var position = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, bekreftet adresse"), bodo);
        var roundId = openRound(api, "Bekreftet runde", position);
        var squatter = api.newUnconfirmedApplicant("Kari Nordmann", "DOCTOR");
        var partner = api.newApplicant("Ola Nordmann", "DOCTOR");

        var attempts = List.of(
                api.post("/api/v1/positions/" + position + "/applications", Map.of("coverLetter", "I hennes navn"),
                        squatter),
                api.put("/api/v1/rounds/" + roundId + "/applicant-ranking", Map.of("positionIds", List.of(position)),
                        squatter),
                api.post("/api/v1/rounds/" + roundId + "/couple", Map.of("partnerEmail", partner[0]), squatter));
        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().get("type").asString()).endsWith("email-unconfirmed");
        });
        assertThat(api.get("/api/v1/positions/" + position + "/applications", bodo).json().size()).isZero();
        // Named by a confirmed applicant, the unconfirmed account never becomes the other half of a couple.
        var named = api.post("/api/v1/rounds/" + roundId + "/couple", Map.of("partnerEmail", squatter[0]), partner);
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.json().get("coupleFormed").asBoolean()).isFalse();

        TestConfirmations.confirm(squatter[0]);
        api.listable(squatter, "Kari Nordmann", "DOCTOR");
        assertThat(api.post("/api/v1/positions/" + position + "/applications", Map.of("coverLetter", "Nå bekreftet"),
                squatter).status()).isEqualTo(201);
    }

    @Test
    void the_owner_of_an_address_takes_over_an_account_someone_else_registered_with_it() {
        var api = api();
        var email = "kari.nordmann-" + System.nanoTime() + "@legesenter.no";
        var squatterPassword = "Inntrengerens passord 2026";
        var first = api.post("/api/v1/applicants", Map.of("email", email, "password", squatterPassword, "name",
                "Falsk Kari", "stage", "DOCTOR"));
        assertThat(first.status()).isEqualTo(201);

        // The real owner registers: answered as a new registration, and her address gets a link, not a 409.
        var owner = api.post("/api/v1/applicants", Map.of("email", email, "password", NEW_PASSWORD, "name",
                "Kari Nordmann", "stage", "LIS1"));
        assertThat(owner.status()).as(owner.body()).isEqualTo(201);
        assertThat(owner.header("Location")).endsWith("/api/v1/me");
        assertThat(owner.json().get("name").asString()).isEqualTo("Kari Nordmann");
        assertThat(owner.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(owner.body()).doesNotContain("Falsk Kari");
        var token = awaitResetTokens(email, 1).getLast();
        assertThat(TestMail.subjects(mail, email)).anyMatch(s -> s.contains("velg passord og bekreft"));

        // The link sets her password and confirms the address; the squatter's password is gone.
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", email, squatterPassword).status()).isEqualTo(401);
        var me = api.get("/api/v1/me", email, NEW_PASSWORD);
        assertThat(me.json().get("emailVerified").asBoolean()).isTrue();
        // Confirmed now, a further registration is the usual conflict.
        assertThat(api.post("/api/v1/applicants", Map.of("email", email, "password", NEW_PASSWORD, "name", "Kari",
                "stage", "LIS1")).status()).isEqualTo(409);
    }

    @Test
    void a_reset_or_a_change_ends_every_other_outstanding_reset_link() {
        var api = api();
        var user = api.newApplicant("Glemsk To Ganger", "LIS1");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/password-reset", Map.of("email", user[0])).status()).isEqualTo(202);
        }
        var tokens = awaitResetTokens(user[0], 3);
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", tokens.get(0), "newPassword",
                NEW_PASSWORD)).status()).isEqualTo(204);
        for (var other : tokens.subList(1, 3)) {
            var refused = api.post("/api/v1/password-reset/confirm", Map.of("token", other, "newPassword",
                    NEW_PASSWORD + "?"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"token\"");
        }

        var current = new String[] {user[0], NEW_PASSWORD};
        assertThat(api.post("/api/v1/password-reset", Map.of("email", user[0])).status()).isEqualTo(202);
        var late = awaitResetTokens(user[0], 4).getLast();
        assertThat(api.put("/api/v1/me/password", Map.of("currentPassword", NEW_PASSWORD, "newPassword",
                NEW_PASSWORD + "#"), current).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", late, "newPassword",
                NEW_PASSWORD + "?")).status()).as("a link sent before the change").isEqualTo(400);
        assertThat(api.get("/api/v1/me", user[0], NEW_PASSWORD + "#").status()).isEqualTo(200);
    }

    @Test
    void naming_a_partner_answers_alike_for_unknown_non_applicant_and_applicant_addresses() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var position = api.publishedPosition(TestApi.position("1804", "ALIS Bodø, par"), bodo);
        var path = "/api/v1/rounds/" + openRound(api, "Parrunde", position) + "/couple";
        var prober = api.newApplicant("Nysgjerrig", "LIS1");
        var applicant = api.newApplicant("Finnes", "LIS1");

        Map<String, String> answers = new java.util.HashMap<>();
        for (var address : List.of("finnes-ikke-" + System.nanoTime() + "@test.no", bodo[0], applicant[0])) {
            var answer = api.post(path, Map.of("partnerEmail", address), prober);
            assertThat(answer.status()).as(address).isEqualTo(200);
            answers.put(address, answer.body().replace(address, "<named>"));
        }
        assertThat(answers.values()).as("the same bytes, but for the address echoed back").hasSize(3)
                .allMatch(a -> a.equals(answers.get(applicant[0])));
    }

    @Test
    void an_api_keys_name_never_becomes_a_metric_label() {
        var api = api();
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var name = "Kundens eget navn " + System.nanoTime();
        assertThat(withKey(api, "GET", "/api/v1/positions/mine", key(api, bodo, name), null).status()).isEqualTo(200);
        var requests = meters.find("portal.api.requests").counters();
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(c -> {
            assertThat(c.getId().getTags()).noneMatch(t -> t.getValue().contains(name));
            assertThat(c.getId().getTag("key")).isNull();
        });
    }

    @Test
    void no_address_token_or_key_reaches_the_log(CapturedOutput output) {
        var api = api();
        var email = "logg-" + System.nanoTime() + "@test.no";
        assertThat(api.post("/api/v1/applicants", Map.of("email", email, "password", TestApi.PASSWORD, "name",
                "Loggfri", "stage", "LIS1")).status()).isEqualTo(201);
        var confirmation = TestMail.confirmationToken(mail, email);
        assertThat(api.post("/api/v1/email-verification", Map.of("token", confirmation)).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/password-reset", Map.of("email", email)).status()).isEqualTo(202);
        var reset = awaitResetTokens(email, 1).getLast();
        assertThat(api.post("/api/v1/password-reset/confirm", Map.of("token", reset, "newPassword", NEW_PASSWORD))
                .status()).isEqualTo(204);
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var key = key(api, bodo, "Loggsjekk");
        withKey(api, "GET", "/api/v1/positions/mine", key, null);
        withKey(api, "GET", "/api/v1/positions/mine", key + "x", null);

        // Everything the portal and its libraries wrote, but the test's own mail server (GreenMail logs its users).
        var portalLog = output.getAll().lines().filter(line -> !line.contains("greenmail"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(output.getAll()).as("the capture sees an address where one is written").contains(email);
        assertThat(portalLog).doesNotContain(email).doesNotContain(confirmation)
                .doesNotContain(reset).doesNotContain(key).doesNotContain(bodo[0]);
    }
}
