package no.alisportalen.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Security review finding 1: a scoped value is authorised as it is stored. Every variant of another scope's
 * municipality number or region — padding, leading zeros, full-width digits, case, control characters — is
 * refused and stores nothing; variants of one's own scope are stored in their one canonical form.
 */
@IntegrationTest
class ScopeVariantsIntegrationTest {

    private static final List<String> VARIANTS_OF_TROMSO = List.of(" 5501", "5501 ", "\u00a05501", "\t5501\n",
            "５５０１", "05501", "5501\u0000", "+5501", "5501.0", "5 501");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private static Map<String, Object> position(String municipality) {
        var body = new HashMap<String, Object>();
        body.put("municipalityNumber", municipality);
        body.put("title", "ALIS med fastlønn, variant");
        body.put("employmentForm", "SALARIED");
        body.put("setting", "GP_PRACTICE");
        body.put("annualSalaryNok", 1_100_000);
        body.put("listLength", 600);
        return body;
    }

    private long positionsBy(String email) {
        return mongo.count(Query.query(Criteria.where("audit.actor").is(email)), "positions");
    }

    @Test
    void a_municipality_cannot_create_positions_for_another_through_any_variant_of_its_number() {
        var api = new TestApi(port);
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        for (String variant : VARIANTS_OF_TROMSO) {
            var response = api.post("/api/v1/positions", position(variant), bodo);
            assertThat(response.status()).as("variant %s", variant.codePoints().boxed().toList()).isIn(400, 403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(positionsBy(bodo[0])).as("nothing stored").isZero();
    }

    @Test
    void variants_of_the_own_number_are_stored_in_canonical_form() {
        var api = new TestApi(port);
        var bodo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        for (String variant : List.of(" 1804", "1804\u00a0", "１８０４")) {
            var response = api.post("/api/v1/positions", position(variant), bodo);
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().get("municipalityNumber").asString()).isEqualTo("1804");
        }
        assertThat(mongo.count(Query.query(Criteria.where("audit.actor").is(bodo[0])
                .and("data.municipalityNumber").ne("1804")), "positions")).isZero();
    }

    @Test
    void an_admin_creating_a_municipality_user_gets_the_canonical_number_or_a_field_error() {
        var api = new TestApi(port);
        var padded = api.post("/api/v1/admin/users", Map.of("email", "variant-" + System.nanoTime() + "@test.no",
                "password", TestApi.PASSWORD, "name", "Kommune", "role", "MUNICIPALITY", "municipalityNumber", " 4036 "),
                TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(padded.status()).isEqualTo(201);
        assertThat(padded.json().get("municipalityNumber").asString()).isEqualTo("4036");
        for (String bad : List.of("04036", "4036x", "")) {
            var response = api.post("/api/v1/admin/users", Map.of("email", "variant-" + System.nanoTime() + "@test.no",
                    "password", TestApi.PASSWORD, "name", "Kommune", "role", "MUNICIPALITY", "municipalityNumber", bad),
                    TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("municipalityNumber");
        }
    }

    @Test
    void an_alis_office_cannot_read_another_region_through_any_variant_of_its_name() {
        var api = new TestApi(port);
        var nord = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        for (String variant : List.of("VEST", " VEST", "VEST ", "vest", "Vest", "%EF%BC%B6EST", "VEST%00", "VEST,NORD")) {
            for (String path : List.of("/api/v1/stats/positions?region=", "/api/v1/stats/summary?region=",
                    "/api/v1/stats/positions.csv?region=")) {
                var response = api.get(path + variant.replace(" ", "%20"), nord);
                assertThat(response.status()).as(path + variant).isIn(400, 403);
            }
        }
        assertThat(api.get("/api/v1/stats/summary?region=%20NORD", nord).status()).isEqualTo(200);
    }
}
