package no.alisportalen.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The first parts of api-v1 "Applicant profile (extension)" and "Applicant lists (offentleglova § 25)" (#35):
 * the profile's list fields and the position's {@code applicantList} choice with its notice.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicantListGroundworkIntegrationTest {

    @LocalServerPort
    int port;

    TestApi api;
    String[] bodo;

    @BeforeAll
    void users() {
        api = new TestApi(port);
        bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
    }

    private static Map<String, Object> profile(String birthDate) {
        var body = new HashMap<String, Object>();
        body.put("name", "Åse Ødegård");
        body.put("stage", "LIS1");
        body.put("homeMunicipality", "1804");
        body.put("birthDate", birthDate);
        body.put("gender", "FEMALE");
        body.put("title", "Lege i spesialisering");
        body.put("phone", "+47 915 55 555");
        body.put("education", "Cand.med., UiT 2024");
        body.put("experience", "LIS1 ved Nordlandssykehuset");
        return body;
    }

    @Test
    void an_applicant_keeps_birth_date_gender_title_phone_education_and_experience_and_exports_them() {
        var applicant = api.newApplicant("Åse", "LIS1");
        var saved = api.put("/api/v1/me", profile("1996-02-29"), applicant);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        var me = api.get("/api/v1/me", applicant).json();
        assertThat(me.get("birthDate").asString()).isEqualTo("1996-02-29");
        assertThat(me.get("gender").asString()).isEqualTo("FEMALE");
        assertThat(me.get("title").asString()).isEqualTo("Lege i spesialisering");
        assertThat(me.get("phone").asString()).isEqualTo("+47 915 55 555");
        assertThat(me.get("education").asString()).isEqualTo("Cand.med., UiT 2024");
        assertThat(me.get("experience").asString()).isEqualTo("LIS1 ved Nordlandssykehuset");
        assertThat(me.get("homeMunicipality").asString()).isEqualTo("1804");

        var export = api.get("/api/v1/me/export", applicant).json().get("account");
        assertThat(export.get("birthDate").asString()).isEqualTo("1996-02-29");
        assertThat(export.get("experience").asString()).isEqualTo("LIS1 ved Nordlandssykehuset");
    }

    @Test
    void invalid_profile_fields_get_one_field_error_each_and_nothing_is_stored() {
        var applicant = api.newApplicant("Ola", "LIS1");
        var body = profile(LocalDate.now().plusDays(1).toString());
        body.put("title", "t".repeat(101));
        body.put("phone", "ring meg");
        body.put("education", "e".repeat(1_001));
        body.put("experience", "x".repeat(4_001));
        var refused = api.put("/api/v1/me", body, applicant);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("birthDate", "title", "phone", "education",
                "experience");
        var me = api.get("/api/v1/me", applicant).json();
        assertThat(me.get("birthDate").asString()).isEqualTo("1996-05-17"); // what TestApi gave, unchanged
        assertThat(me.has("phone") && !me.get("phone").isNull()).isFalse();
        assertThat(me.get("name").asString()).isEqualTo("Ola");

        var unknownGender = profile("1990-01-01");
        unknownGender.put("gender", "OTHER");
        assertThat(api.put("/api/v1/me", unknownGender, applicant).status()).isEqualTo(400);
    }

    @Test
    void a_role_email_or_confirmation_sent_with_the_profile_is_never_stored() {
        var applicant = api.newApplicant("Per", "LIS1");
        var body = profile("1990-05-17");
        body.put("role", "ADMIN");
        body.put("email", "annen@test.no");
        body.put("emailVerified", false);
        var saved = api.put("/api/v1/me", body, applicant);
        assertThat(saved.status()).isIn(200, 400);
        var me = api.get("/api/v1/me", applicant).json();
        assertThat(me.get("role").asString()).isEqualTo("APPLICANT");
        assertThat(me.get("email").asString()).isEqualTo(applicant[0]);
        assertThat(me.get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void only_self_employed_positions_may_go_without_an_applicant_list() {
        var salaried = TestApi.position("1804", "ALIS med fastlønn uten liste");
        salaried.put("applicantList", false);
        var refused = api.post("/api/v1/positions", salaried, bodo);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactly("applicantList");

        var selfEmployed = TestApi.position("1804", "ALIS i næringsdrift uten liste");
        selfEmployed.put("employmentForm", "SELF_EMPLOYED");
        selfEmployed.remove("annualSalaryNok");
        selfEmployed.put("applicantList", false);
        var created = api.post("/api/v1/positions", selfEmployed, bodo);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("applicantList").asBoolean()).isFalse();
        assertThat(created.json().has("applicantListNotice")).isFalse();
    }

    @Test
    void a_listed_position_carries_the_notice_in_the_requests_language_and_lists_by_default() {
        var id = api.publishedPosition(TestApi.position("1804", "ALIS med søkerliste"), bodo);
        var norwegian = api.get("/api/v1/positions/" + id).json();
        assertThat(norwegian.get("applicantList").asBoolean()).isTrue();
        assertThat(norwegian.get("applicantListNotice").asString())
                .contains("offentliggjort").contains("offentleglova § 25");
        var english = api.send(api.request("/api/v1/positions/" + id).header("Accept-Language", "en").GET()).json();
        assertThat(english.get("applicantListNotice").asString()).contains("made public").contains("§ 25");
        // A client that leaves the field out of an update keeps the list (the default), it does not drop it.
        var changed = new HashMap<String, Object>(TestApi.position("1804", "ALIS med søkerliste, endret"));
        changed.put("version", norwegian.get("version").asLong());
        var updated = api.put("/api/v1/positions/" + id, changed, bodo);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("applicantList").asBoolean()).isTrue();
    }

    private static List<String> fields(JsonNode problem) {
        var out = new java.util.ArrayList<String>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }
}
