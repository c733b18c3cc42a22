package no.alisportalen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.TestMail;
import no.alisportalen.notification.NewNotification;
import no.alisportalen.notification.NotificationKind;
import no.alisportalen.notification.NotificationService;
import no.alisportalen.position.PositionId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Security review finding 5, with SMTP configured (GreenMail): a self-registered address gets nothing but its
 * confirmation link until it is confirmed, and unconfirmed accounts go after seven days.
 */
@IntegrationTest
class EmailVerificationIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mail;

    @Autowired
    NotificationService notifications;

    @Autowired
    AccountService accounts;

    @Autowired
    MongoTemplate mongo;

    private void notice(AccountId to, String key) {
        notifications.notify(new NewNotification(to, key, NotificationKind.APPLICATION_STATUS,
                new PositionId("0123456789abcdef01234567"), "ALIS " + key, List.of("Intervju"), null, null, true));
    }

    @Test
    void an_unconfirmed_address_gets_only_its_confirmation_until_it_is_confirmed() {
        var api = new TestApi(port);
        var user = api.newUnconfirmedApplicant("Ny Søker", "MEDICAL_STUDENT");
        assertThat(api.get("/api/v1/me", user).json().get("emailVerified").asBoolean()).isFalse();
        var id = accounts.findByEmail(user[0]).orElseThrow().id();

        notice(id, "before");
        assertThat(api.post("/api/v1/password-reset", Map.of("email", user[0])).status()).isEqualTo(202);
        TestMail.confirm(mail, api, user[0]);
        assertThat(api.get("/api/v1/me", user).json().get("emailVerified").asBoolean()).isTrue();
        notice(id, "after");

        // The notice after confirmation arrives; by then the one before would have too, had it been sent.
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.subjects(mail, user[0]).stream().anyMatch(s -> s.contains("ALIS after")));
        // Its confirmation and its reset link are the two mails an unconfirmed address may get (api-v1 "Security
        // rules": using a reset link confirms the address).
        assertThat(TestMail.subjects(mail, user[0])).noneMatch(s -> s.contains("ALIS before")).anyMatch(s -> s.contains("nytt passord"))
                .anyMatch(s -> s.contains("bekreft e-postadressen"));
        // In the portal itself both notices are there.
        assertThat(api.get("/api/v1/me/notifications", user).json().size()).isEqualTo(2);
    }

    @Test
    void a_confirmation_link_works_once() {
        var api = new TestApi(port);
        var user = api.newUnconfirmedApplicant("Én Gang", "LIS1");
        var token = TestMail.confirmationToken(mail, user[0]);
        assertThat(api.post("/api/v1/email-verification", Map.of("token", token)).status()).isEqualTo(204);
        var again = api.post("/api/v1/email-verification", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"token\"");
        assertThat(api.post("/api/v1/email-verification", Map.of("token", "oppdiktet")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/email-verification", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void unconfirmed_accounts_older_than_seven_days_are_removed_and_nothing_else() {
        var api = new TestApi(port);
        var stale = api.newUnconfirmedApplicant("Glemt Bekreftelse", "LIS1");
        var fresh = api.newUnconfirmedApplicant("Fersk Søker", "LIS1");
        var confirmed = api.newUnconfirmedApplicant("Bekreftet Søker", "LIS1");
        TestMail.confirm(mail, api, confirmed[0]);
        var old = Instant.now().minus(EmailVerifications.VALIDITY).minus(Duration.ofHours(1));
        for (var who : List.of(stale, confirmed)) {
            mongo.updateFirst(Query.query(Criteria.where("email").is(who[0])), new Update().set("createdAt", old),
                    AccountDocument.class);
        }
        accounts.removeUnconfirmed();
        assertThat(accounts.findByEmail(stale[0])).isEmpty();
        assertThat(accounts.findByEmail(fresh[0])).isPresent();
        assertThat(accounts.findByEmail(confirmed[0])).isPresent();
    }
}
