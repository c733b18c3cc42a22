package no.alisportalen.account;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Profile editing, the data export and account deletion with everything that hangs on the account. */
@IntegrationTest
class PrivacyApiIntegrationTest {

    static final String PASSWORD = "Et langt passord 2026";

    @LocalServerPort
    int port;

    private String[] applicant(TestApi api) {
        return api.newApplicant("Per Personvern", "MEDICAL_STUDENT");
    }

    @Test
    void applicants_edit_their_profile_with_validation() {
        var api = new TestApi(port);
        var per = applicant(api);
        var ok = api.put("/api/v1/me", Map.of("name", "Per P.", "stage", "LIS1", "graduationYear", 2025,
                "homeMunicipality", "1804"), per);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        var me = api.get("/api/v1/me", per).json();
        assertThat(me.get("name").asString()).isEqualTo("Per P.");
        assertThat(me.get("stage").asString()).isEqualTo("LIS1");
        assertThat(me.get("graduationYear").asInt()).isEqualTo(2025);
        assertThat(me.get("homeMunicipality").asString()).isEqualTo("1804");

        var bad = api.put("/api/v1/me", Map.of("name", " ", "graduationYear", 1900, "homeMunicipality", "0000"), per);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("name", "stage", "graduationYear", "homeMunicipality");
        assertThat(api.put("/api/v1/me", Map.of("name", "X"), new String[0]).status()).isEqualTo(401);
    }

    @Test
    void an_applicant_downloads_everything_and_deletes_the_account_with_its_applications() {
        var api = new TestApi(port);
        var per = applicant(api);
        var municipality = "privat-kommune-" + UUID.randomUUID().toString().substring(0, 6) + "@test.no";
        api.post("/api/v1/admin/users", Map.of("email", municipality, "password", PASSWORD, "name", "Bodø",
                "role", "MUNICIPALITY", "municipalityNumber", "1804"), ADMIN_EMAIL, ADMIN_PASSWORD);
        var body = new HashMap<String, Object>(Map.of("municipalityNumber", "1804", "title", "ALIS personvern",
                "employmentForm", "SALARIED", "setting", "GP_PRACTICE", "annualSalaryNok", 1_000_000, "openings", 1,
                "startDate", LocalDate.now().plusMonths(4).toString(),
                "applicationDeadline", LocalDate.now().plusMonths(1).toString()));
        var position = api.post("/api/v1/positions", body, municipality, PASSWORD).json().get("id").asString();
        api.post("/api/v1/positions/" + position + "/publish", null, municipality, PASSWORD);
        var application = api.post("/api/v1/positions/" + position + "/applications",
                Map.of("coverLetter", "Mitt brev"), per).json().get("id").asString();
        api.put("/api/v1/applications/" + application + "/status", Map.of("status", "INTERVIEW", "note", "Hemmelig"),
                municipality, PASSWORD);
        api.put("/api/v1/me/preferences", Map.of("maxListLength", 900), per);

        var export = api.get("/api/v1/me/export", per);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("attachment");
        var data = export.json();
        assertThat(data.get("account").get("email").asString()).isEqualTo(per[0]);
        assertThat(data.get("account").has("passwordHash")).isFalse();
        assertThat(data.get("applications").get(0).get("coverLetter").asString()).isEqualTo("Mitt brev");
        assertThat(data.get("applications").get(0).has("internalNote")).isFalse();
        assertThat(data.get("preferences").get("maxListLength").asInt()).isEqualTo(900);
        assertThat(data.get("notifications").size()).isEqualTo(1);
        assertThat(export.body()).doesNotContain("Hemmelig", "$2a$", "{bcrypt}");

        assertThat(api.delete("/api/v1/me", municipality, PASSWORD).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me/export", municipality, PASSWORD).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/me", per).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", per).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/positions/" + position + "/applications", municipality, PASSWORD).json().size())
                .isZero();
        assertThat(api.get("/api/v1/positions/" + position, municipality, PASSWORD).json().get("applicationCount")
                .asInt()).isZero();
        // The e-mail address is free again.
        assertThat(api.post("/api/v1/applicants", Map.of("email", per[0], "password", PASSWORD, "name", "Per igjen",
                "stage", "LIS1")).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/preferences", per).json().get("maxListLength").isNull()).isTrue();
    }
}
