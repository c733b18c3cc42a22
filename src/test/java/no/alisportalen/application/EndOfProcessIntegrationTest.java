package no.alisportalen.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** api-v1 "The end of the process": filling rejects and tells every other open applicant; a rejection tells. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndOfProcessIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mail;

    TestApi api;
    String[] bodo;

    @BeforeAll
    void users() {
        api = new TestApi(port);
        bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
    }

    private String apply(String position, String[] who) {
        var response = api.post("/api/v1/positions/" + position + "/applications",
                Map.of("coverLetter", "Jeg vil gjerne bli ALIS her."), who);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private void move(String application, String status, String note) {
        var response = api.put("/api/v1/applications/" + application + "/status",
                Map.of("status", status, "note", note), bodo);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private JsonNode mine(String[] who, String application) {
        for (var item : api.get("/api/v1/me/applications", who).json()) {
            if (item.get("id").asString().equals(application)) {
                return item;
            }
        }
        throw new AssertionError("application " + application + " not in the applicant's list");
    }

    private static List<String> kinds(TestApi api, String[] who) {
        var kinds = new ArrayList<String>();
        api.get("/api/v1/me/notifications", who).json().forEach(n -> kinds.add(n.get("kind").asString()));
        return kinds;
    }

    @Test
    void filling_rejects_every_open_application_tells_each_applicant_and_leaves_final_ones_alone() throws Exception {
        var position = api.publishedPosition(TestApi.position("1804", "ALIS som blir besatt "
                + UUID.randomUUID().toString().substring(0, 6)), bodo);
        var chosen = api.newApplicant("Valgt Søker", "LIS1");
        var interviewed = api.newApplicant("Intervjuet Søker", "LIS1");
        var waiting = api.newApplicant("Ventende Søker", "LIS1");
        var leaving = api.newApplicant("Trukket Søker", "LIS1");
        var chosenApp = apply(position, chosen);
        var interviewedApp = apply(position, interviewed);
        var waitingApp = apply(position, waiting);
        var leavingApp = apply(position, leaving);
        move(chosenApp, "OFFERED", "Tilbud sendt");
        assertThat(api.post("/api/v1/me/applications/" + chosenApp + "/accept", null, chosen).status()).isEqualTo(200);
        move(interviewedApp, "INTERVIEW", "Intern merknad: nummer to");
        assertThat(api.post("/api/v1/me/applications/" + leavingApp + "/withdraw", null, leaving).status())
                .isEqualTo(200);

        assertThat(api.post("/api/v1/positions/" + position + "/fill", null, bodo).status()).isEqualTo(200);

        assertThat(mine(chosen, chosenApp).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(mine(leaving, leavingApp).get("status").asString()).isEqualTo("WITHDRAWN");
        for (var who : List.of(interviewed, waiting)) {
            var app = mine(who, who == interviewed ? interviewedApp : waitingApp);
            assertThat(app.get("status").asString()).isEqualTo("REJECTED");
            assertThat(app.has("internalNote")).isFalse();
            assertThat(kinds(api, who)).contains("POSITION_FILLED");
            var notice = api.get("/api/v1/me/notifications", who).json().get(0);
            assertThat(notice.get("message").asString()).contains("besatt").doesNotContain("nummer to");
        }
        assertThat(kinds(api, chosen)).doesNotContain("POSITION_FILLED");
        assertThat(kinds(api, leaving)).doesNotContain("POSITION_FILLED");
        // The owner's view shows the rejections in the timeline, made by the municipality.
        var owners = api.get("/api/v1/positions/" + position + "/applications", bodo).json();
        int rejected = 0;
        for (var app : owners) {
            if (app.get("status").asString().equals("REJECTED")) {
                rejected++;
                var last = app.get("history").get(app.get("history").size() - 1);
                assertThat(last.get("by").asString()).isEqualTo("MUNICIPALITY");
            }
        }
        assertThat(rejected).isEqualTo(2);
        // With SMTP configured (GreenMail in tests) the notice is e-mailed as well, without the note.
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(waiting[0]).stream()
                .anyMatch(body -> body.contains("besatt")));
        assertThat(mailsTo(interviewed[0])).noneMatch(body -> body.contains("nummer to"));
    }

    @Test
    void a_rejection_of_one_application_tells_its_applicant() {
        var position = api.publishedPosition(TestApi.position("1804", "ALIS med avslag "
                + UUID.randomUUID().toString().substring(0, 6)), bodo);
        var applicant = api.newApplicant("Avslått Søker", "LIS1");
        var other = api.newApplicant("Annen Søker", "LIS1");
        var app = apply(position, applicant);
        apply(position, other);
        move(app, "REJECTED", "Mangler erfaring");
        var notices = api.get("/api/v1/me/notifications", applicant).json();
        assertThat(notices.size()).isEqualTo(1);
        assertThat(notices.get(0).get("kind").asString()).isEqualTo("APPLICATION_STATUS");
        assertThat(notices.get(0).get("message").asString()).contains("Avslått").doesNotContain("erfaring");
        assertThat(kinds(api, other)).isEmpty();
    }

    private List<String> mailsTo(String address) throws Exception {
        var bodies = new ArrayList<String>();
        for (var message : mail.getReceivedMessages()) {
            if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address))
                    && !no.alisportalen.TestMail.isConfirmation(message)) {
                bodies.add(message.getSubject() + "\n" + GreenMailUtil.getBody(message));
            }
        }
        return bodies;
    }
}
