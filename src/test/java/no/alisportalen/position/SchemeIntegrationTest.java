package no.alisportalen.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The national ALIS scheme in kroner (issue #17): each limit just under, at and over; weak and not weak; a
 * municipality whose status an admin changes mid-way; the derived flag; the yearly value on the API and in
 * search (sort, floor, exact facets) against an independent computation; the migration of stored positions.
 */
@IntegrationTest
class SchemeIntegrationTest {

    static final String WEAK = "1856"; // Røst, centrality 6
    static final String CENTRAL = "0301"; // Oslo, centrality 1
    private static final String[] ADMIN = {TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD};

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SchemeMigration migration;

    private TestApi api() {
        return new TestApi(port);
    }

    static Map<String, Object> position(String municipality, String form) {
        var body = new HashMap<String, Object>();
        body.put("municipalityNumber", municipality);
        body.put("title", "ALIS i ordningen " + municipality);
        body.put("employmentForm", form);
        body.put("setting", "GP_PRACTICE");
        if (form.equals("SALARIED")) {
            body.put("annualSalaryNok", 1_100_000);
        }
        body.put("listLength", 600);
        body.put("openings", 1);
        body.put("alisAgreement", true);
        body.put("applicationDeadline", LocalDate.now().plusMonths(1).toString());
        body.put("startDate", LocalDate.now().plusMonths(3).toString());
        return body;
    }

    static Map<String, Object> incentive(String type, int amount, boolean scheme) {
        return Map.of("type", type, "annualAmountNok", amount, "schemeElement", scheme);
    }

    private static Map<String, Object> withElements(Map<String, Object> body, Map<String, Integer> amounts) {
        body.put("alisAgreementElements", List.copyOf(amounts.keySet()));
        body.put("alisAgreementElementsNok", amounts);
        return body;
    }

    private static Map<String, Integer> standardTotalling(int total) {
        var amounts = new java.util.LinkedHashMap<String, Integer>();
        amounts.put("PRACTICE_COMPENSATION", total - 200_000);
        amounts.put("COURSE_EXPENSES", 60_000);
        amounts.put("REDUCED_LIST_COMPENSATION", 100_000);
        amounts.put("SUPERVISION_COSTS", 30_000);
        amounts.put("NETWORK_GATHERINGS", 10_000);
        return amounts;
    }

    private static List<String> fields(TestApi.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    /** Salary (salaried) + each offered element's amount + every incentive, computed from the JSON alone. */
    static long expectedValue(JsonNode p) {
        long value = p.get("employmentForm").asString().equals("SALARIED") ? p.get("annualSalaryNok").asLong() : 0;
        for (var element : p.get("alisAgreementElements")) {
            value += p.get("alisAgreementElementsNok").get(element.asString()).asLong();
        }
        for (var incentive : p.get("incentives")) {
            value += incentive.path("annualAmountNok").asLong(0);
        }
        return value;
    }

    @Test
    void standard_elements_total_just_under_at_and_over_the_ceiling() {
        var api = api();
        var oslo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", CENTRAL));
        for (int total : new int[] {366_999, 367_000}) {
            var created = api.post("/api/v1/positions", withElements(position(CENTRAL, "SALARIED"),
                    standardTotalling(total)), oslo);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("yearlyValue").asLong()).isEqualTo(1_100_000L + total)
                    .isEqualTo(expectedValue(created.json()));
        }
        var over = api.post("/api/v1/positions", withElements(position(CENTRAL, "SALARIED"),
                standardTotalling(367_001)), oslo);
        assertThat(over.status()).isEqualTo(400);
        assertThat(fields(over)).containsExactly("alisAgreementElementsNok");
        assertThat(over.json().get("errors").get(0).get("message").asString().replace('\u00a0', ' ')).contains("367 000").contains("2027")
                .doesNotContain("2 027");
        var notOffered = withElements(position(CENTRAL, "SALARIED"), Map.of("COURSE_EXPENSES", 50_000));
        notOffered.put("alisAgreementElements", List.of("PRACTICE_COMPENSATION"));
        assertThat(fields(api.post("/api/v1/positions", notOffered, oslo)))
                .containsExactly("alisAgreementElementsNok.COURSE_EXPENSES");
    }

    @Test
    void elements_without_amounts_get_the_configured_defaults_and_the_flag_is_derived() {
        var api = api();
        var oslo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", CENTRAL));
        var body = position(CENTRAL, "SALARIED");
        body.put("alisAgreementElements", List.of("PRACTICE_COMPENSATION", "NETWORK_GATHERINGS"));
        body.put("recruitmentWeak", true); // read-only: Oslo is not especially recruitment-weak
        body.put("incentives", List.of(incentive("HOUSING", 50_000, false)));
        var created = api.post("/api/v1/positions", body, oslo).json();
        assertThat(created.get("alisAgreementElementsNok").get("PRACTICE_COMPENSATION").asInt()).isEqualTo(150_000);
        assertThat(created.get("alisAgreementElementsNok").get("NETWORK_GATHERINGS").asInt()).isEqualTo(17_000);
        assertThat(created.get("recruitmentWeak").asBoolean()).isFalse();
        assertThat(created.get("yearlyValue").asLong()).isEqualTo(1_100_000L + 167_000 + 50_000)
                .isEqualTo(expectedValue(created));
        assertThat(created.get("incentives").get(0).get("schemeElement").asBoolean()).isFalse();
    }

    @Test
    void extra_elements_only_in_weak_municipalities_of_known_kinds_within_the_ceiling() {
        var api = api();
        var rost = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", WEAK));
        var oslo = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", CENTRAL));
        var atCeiling = position(WEAK, "SALARIED");
        atCeiling.put("incentives", List.of(incentive("LOCUM_SCHEME", 120_000, true),
                incentive("EQUIPMENT", 80_000, true), incentive("HOUSING", 300_000, false)));
        var ok = api.post("/api/v1/positions", atCeiling, rost);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("recruitmentWeak").asBoolean()).isTrue();
        assertThat(ok.json().get("yearlyValue").asLong()).isEqualTo(1_100_000L + 500_000);

        var under = position(WEAK, "SALARIED");
        under.put("incentives", List.of(incentive("LOCUM_SCHEME", 199_999, true)));
        assertThat(api.post("/api/v1/positions", under, rost).status()).isEqualTo(201);

        var over = position(WEAK, "SALARIED");
        over.put("incentives", List.of(incentive("LOCUM_SCHEME", 120_000, true), incentive("EQUIPMENT", 80_001, true)));
        var refused = api.post("/api/v1/positions", over, rost);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("incentives");
        assertThat(refused.json().get("errors").get(0).get("message").asString().replace('\u00a0', ' '))
                .contains("200 000");

        var central = position(CENTRAL, "SALARIED");
        central.put("incentives", List.of(incentive("LOCUM_SCHEME", 10_000, true)));
        var notWeak = api.post("/api/v1/positions", central, oslo);
        assertThat(fields(notWeak)).containsExactly("incentives[0].schemeElement");
        assertThat(notWeak.json().get("errors").get(0).get("message").asString())
                .contains("særlig rekrutteringssvake");

        var housing = position(WEAK, "SALARIED");
        housing.put("incentives", List.of(incentive("HOUSING", 10_000, true)));
        assertThat(fields(api.post("/api/v1/positions", housing, rost))).containsExactly("incentives[0].schemeElement");

        var sickSalaried = position(WEAK, "SALARIED");
        sickSalaried.put("incentives", List.of(incentive("SICK_LEAVE_COMPENSATION", 50_000, true)));
        assertThat(fields(api.post("/api/v1/positions", sickSalaried, rost)))
                .containsExactly("incentives[0].schemeElement");
        var sickSelfEmployed = position(WEAK, "SELF_EMPLOYED");
        sickSelfEmployed.put("incentives", List.of(incentive("SICK_LEAVE_COMPENSATION", 50_000, true)));
        var selfEmployed = api.post("/api/v1/positions", sickSelfEmployed, rost);
        assertThat(selfEmployed.status()).isEqualTo(201);
        assertThat(selfEmployed.json().get("yearlyValue").asLong()).as("no salary: the guaranteed parts")
                .isEqualTo(50_000).isEqualTo(expectedValue(selfEmployed.json()));
    }

    @Test
    void an_admins_decision_mid_way_moves_the_flag_and_the_rules_of_the_next_edit() {
        var api = api();
        var number = "1857"; // Værøy, centrality 6
        var varoy = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", number));
        var body = position(number, "SALARIED");
        body.put("incentives", List.of(incentive("COLOCATION_GRANT", 100_000, true)));
        var created = api.post("/api/v1/positions", body, varoy).json();
        var id = created.get("id").asString();
        assertThat(api.post("/api/v1/positions/" + id + "/publish", null, varoy).status()).isEqualTo(200);

        var decision = Map.of("recruitmentWeak", false, "reason", "Ny vei og fast ferge gir god rekruttering",
                "decidedOn", LocalDate.now().toString());
        var municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", number));
        assertThat(api.put("/api/v1/admin/municipalities/" + number + "/recruitment-weak", decision, municipality)
                .status()).isEqualTo(403);
        assertThat(api.put("/api/v1/admin/municipalities/" + number + "/recruitment-weak",
                Map.of("recruitmentWeak", false, "reason", "x"), ADMIN).status()).isEqualTo(400);
        var status = api.put("/api/v1/admin/municipalities/" + number + "/recruitment-weak", decision, ADMIN);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("source").asString()).isEqualTo("OVERRIDE");
        assertThat(status.json().get("history").size()).isEqualTo(1);

        var after = api.get("/api/v1/positions/" + id).json();
        assertThat(after.get("recruitmentWeak").asBoolean()).isFalse();
        var audit = api.get("/api/v1/positions/" + id + "/audit", varoy).json();
        assertThat(audit.valueStream().map(a -> a.get("action").asString())).contains("RECRUITMENT_WEAK_CHANGED");
        assertThat(api.get("/api/v1/municipalities").json().valueStream()
                .filter(m -> m.get("number").asString().equals(number)).findFirst().orElseThrow()
                .get("recruitmentWeak").asBoolean()).isFalse();

        var edit = position(number, "SALARIED");
        edit.put("version", after.get("version").asLong());
        edit.put("incentives", List.of(incentive("COLOCATION_GRANT", 100_000, true)));
        var refused = api.put("/api/v1/positions/" + id, edit, varoy);
        assertThat(fields(refused)).containsExactly("incentives[0].schemeElement");
        edit.put("incentives", List.of(incentive("COLOCATION_GRANT", 100_000, false)));
        assertThat(api.put("/api/v1/positions/" + id, edit, varoy).status()).isEqualTo(200);

        var back = api.put("/api/v1/admin/municipalities/" + number + "/recruitment-weak", Map.of("reason",
                "Tilbake til sentralitetsregelen"), ADMIN).json();
        assertThat(back.get("source").asString()).isEqualTo("CENTRALITY");
        assertThat(back.get("recruitmentWeak").asBoolean()).isTrue();
        assertThat(back.get("history").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/positions/" + id).json().get("recruitmentWeak").asBoolean()).isTrue();
    }

    @Test
    void search_sorts_and_filters_by_yearly_value_with_exact_facets() {
        var api = api();
        var rost = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", WEAK));
        var marker = "verdisok" + System.nanoTime();
        for (int salary : new int[] {900_000, 1_300_000, 1_700_000}) {
            var body = position(WEAK, "SALARIED");
            body.put("title", "ALIS " + marker + " " + salary);
            body.put("annualSalaryNok", salary);
            body.put("alisAgreementElements", List.of("COURSE_EXPENSES"));
            var id = api.post("/api/v1/positions", body, rost).json().get("id").asString();
            api.post("/api/v1/positions/" + id + "/publish", null, rost);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/positions?q=" + marker).json().get("total").asInt() == 3);
        var sorted = api.get("/api/v1/positions?q=" + marker + "&sort=yearlyValue").json().get("items");
        List<Long> values = new ArrayList<>();
        sorted.forEach(i -> values.add(i.get("yearlyValue").asLong()));
        assertThat(values).containsExactly(1_760_000L, 1_360_000L, 960_000L);
        sorted.forEach(i -> assertThat(i.get("yearlyValue").asLong()).isEqualTo(expectedValue(i)));

        var floor = api.get("/api/v1/positions?q=" + marker + "&minYearlyValue=1360000").json();
        assertThat(floor.get("total").asInt()).isEqualTo(2);
        long regionCount = floor.get("facets").get("region").valueStream().mapToLong(f -> f.get("count").asLong()).sum();
        assertThat(regionCount).as("facets count the same positions as the hits").isEqualTo(2);
        assertThat(api.get("/api/v1/positions?minYearlyValue=-1").status()).isEqualTo(400);
    }

    @Test
    void stored_positions_from_before_the_scheme_amounts_are_migrated_once() {
        var api = api();
        var rost = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", WEAK));
        var body = position(WEAK, "SALARIED");
        body.put("alisAgreementElements", List.of("PRACTICE_COMPENSATION"));
        body.put("incentives", List.of(incentive("LOCUM_SCHEME", 150_000, false), incentive("EQUIPMENT", 80_000, false),
                incentive("HOUSING", 20_000, false)));
        var id = api.post("/api/v1/positions", body, rost).json().get("id").asString();
        // Made legacy: no amounts, the flag wrong, incentives without the scheme mark, as the old code stored them.
        var collection = mongo.getCollectionName(PositionDocument.class);
        mongo.getCollection(collection).updateOne(new Document("_id", new org.bson.types.ObjectId(id)),
                new Document("$unset", new Document("data.alisAgreementElementsNok", "")
                        .append("data.incentives.$[].schemeElement", ""))
                        .append("$set", new Document("data.recruitmentWeak", false)));
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(SchemeMigration.ID)),
                SchemeMigration.MIGRATIONS);

        assertThat(migration.migrate()).isPositive();
        var migrated = api.get("/api/v1/positions/" + id, rost).json();
        assertThat(migrated.get("recruitmentWeak").asBoolean()).isTrue();
        assertThat(migrated.get("alisAgreementElementsNok").get("PRACTICE_COMPENSATION").asInt()).isEqualTo(150_000);
        List<Boolean> marks = new ArrayList<>();
        migrated.get("incentives").forEach(i -> marks.add(i.get("schemeElement").asBoolean()));
        assertThat(marks).as("locum fits, equipment would pass the 200,000 ceiling, housing is never an extra")
                .containsExactly(true, false, false);
        assertThat(migration.migrate()).as("once").isZero();
    }
}
