package no.alisportalen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and shared/docs/api-v1.md name the same operations, so neither drifts from the other. */
@IntegrationTest
class ApiDocumentIntegrationTest {

    /**
     * Contract operations of issues not built yet. When one lands, its lines leave this list (the test fails
     * until they do); an operation missing from the document for any other reason fails the test.
     */
    static final Set<String> NOT_YET_BUILT = Set.of(
            // #36 documents, committee and scorecards, interviews, recommendation
            "POST /me/documents", "GET /me/documents", "GET /me/documents/{}/content", "DELETE /me/documents/{}",
            "GET /applications/{}/documents/{}/content",
            "POST /positions/{}/committee", "GET /positions/{}/committee", "DELETE /positions/{}/committee/{}",
            "GET /positions/{}/criteria", "PUT /positions/{}/criteria", "PUT /applications/{}/scorecard",
            "POST /positions/{}/interview-slots", "GET /positions/{}/interview-slots",
            "DELETE /positions/{}/interview-slots/{}", "GET /me/applications/{}/interview-slots",
            "POST /me/applications/{}/interview", "DELETE /me/applications/{}/interview",
            "GET /me/applications/{}/interview.ics",
            "PUT /positions/{}/recommendation", "GET /positions/{}/recommendation",
            "GET /positions/{}/recommendation.pdf", "POST /positions/{}/recommendation.pdf",
            // #38 reach (the contract's parser reads these two site paths as operations too)
            "GET /sitemap.xml", "GET /robots.txt",
            // #39 open data (the public page /alis-i-tall is read as an operation too)
            "GET /open-data/positions", "GET /open-data/need", "GET /open-data/alis-i-tall");

    /** What the portal offers beyond the contract (extending it is fine; each extension is deliberate). */
    static final Set<String> EXTENSIONS = Set.of(
            "PUT /me/saved-searches/{}/email",
            "GET /me/favourites", "PUT /me/favourites/{}", "DELETE /me/favourites/{}", "POST /unsubscribe",
            "POST /me/notifications/read", "GET /positions/{}/audit", "GET /admin/reindex",
            "GET /stats/positions.csv", "GET /stats/municipalities.csv",
            "GET /stats/positions/{}/what-if", "POST /admin/backups", "GET /admin/backups",
            "POST /email-verification", "GET /admin/municipalities/{}/recruitment-weak",
            "PUT /admin/municipalities/{}/recruitment-weak",
            // Match rounds (#16): one round, the office's progress, the applicant's own ranking, cancelling;
            // an applicant accepting an offer (a round's or a municipality's).
            "GET /rounds/{}", "GET /rounds/{}/progress", "GET /rounds/{}/applicant-ranking", "POST /rounds/{}/cancel",
            "POST /me/applications/{}/accept",
            // Exposure (#15): a position's funnel; the portal-wide switch of the recruitment boost.
            "GET /stats/positions/{}/funnel", "GET /admin/recruitment-boost", "PUT /admin/recruitment-boost");

    @LocalServerPort
    int port;

    private JsonNode document() {
        var response = new TestApi(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (var path : document.get("paths").propertyNames()) {
            for (var method : document.get("paths").get(path).propertyNames()) {
                operations.add(method.toUpperCase() + " " + ApiContract.normalise(path));
            }
        }
        return operations;
    }

    @Test
    void the_document_has_every_operation_of_the_contract_but_those_not_built_yet() {
        var documented = operations(document());
        var missing = new TreeSet<>(ApiContract.operations());
        missing.removeAll(documented);
        assertThat(missing).as("contract operations missing from /v3/api-docs").isEqualTo(new TreeSet<>(NOT_YET_BUILT));
    }

    @Test
    void what_the_document_adds_to_the_contract_is_a_known_extension() {
        var extra = new TreeSet<>(operations(document()));
        extra.removeAll(ApiContract.operations());
        assertThat(extra).isEqualTo(new TreeSet<>(EXTENSIONS));
    }

    @Test
    void the_scheme_fields_are_in_the_document() {
        var document = document();
        var position = document.at("/components/schemas/Position/properties");
        assertThat(position.has("yearlyValue")).as(position.propertyNames().toString()).isTrue();
        assertThat(position.has("alisAgreementElementsNok")).isTrue();
        assertThat(position.has("recruitmentWeak")).isTrue();
        assertThat(document.at("/components/schemas/Incentive/properties").has("schemeElement")).isTrue();
        var search = document.at("/paths/~1api~1v1~1positions/get/parameters");
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        search.forEach(p -> byName.put(p.get("name").asString(), p.get("schema")));
        assertThat(byName).containsKey("minYearlyValue");
        assertThat(byName.get("sort").get("enum").valueStream().map(JsonNode::asString)).contains("yearlyValue");
        assertThat(document.at("/components/schemas/PositionStats/properties").has("yearlyValue")).isTrue();
    }

    @Test
    void parameters_carry_the_contracts_limits() {
        var search = document().at("/paths/~1api~1v1~1positions/get/parameters");
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        search.forEach(p -> byName.put(p.get("name").asString(), p.get("schema")));
        assertThat(byName.get("size").get("minimum").asInt()).isEqualTo(1);
        assertThat(byName.get("size").get("maximum").asInt()).isEqualTo(100);
        assertThat(byName.get("q").get("maxLength").asInt()).isEqualTo(200);
        assertThat(byName.get("region").at("/items/enum").size()).isEqualTo(6);
        assertThat(byName.get("sort").has("default")).isTrue();
    }

    @Test
    void every_operation_documents_problem_details_and_its_security() {
        var document = document();
        assertThat(document.at("/components/securitySchemes").propertyNames()).contains("bearer", "basic", "session");
        var problem = document.at("/components/schemas/Problem");
        assertThat(problem.path("required").valueStream().map(JsonNode::asString).toList()).as(problem.toString())
                .containsExactlyInAnyOrder("type", "title", "status");
        List<String> wrong = new ArrayList<>();
        for (var path : document.get("paths").propertyNames()) {
            for (var method : document.get("paths").get(path).propertyNames()) {
                var operation = document.get("paths").get(path).get(method);
                var responses = operation.get("responses");
                boolean open = answersAnonymously(method, path);
                for (String status : open ? List.of("400", "404", "406") : List.of("400", "401", "403", "404", "406")) {
                    if (!responses.has(status) || responses.get(status).at("/content/application~1problem+json")
                            .isMissingNode()) {
                        wrong.add(method + " " + path + " lacks a problem response " + status);
                    }
                }
                if (open != operation.get("security").isEmpty()) {
                    wrong.add(method + " " + path + (open ? " is public but asks for credentials"
                            : " needs a login but says it does not"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Whether the operation is public, asked of the running portal rather than of the code that documents it: an
     * anonymous call with no credentials is answered with something other than 401 (ids that do not exist, an
     * empty JSON body; nothing is changed by it).
     */
    private boolean answersAnonymously(String method, String path) {
        var api = new TestApi(port);
        var concrete = path.replaceAll("\\{[^}]+}", "000000000000000000000000");
        var builder = api.request(concrete).header("Accept", "application/json, text/csv");
        boolean withBody = method.equals("post") || method.equals("put") || method.equals("patch");
        var body = withBody ? java.net.http.HttpRequest.BodyPublishers.ofString("{}")
                : java.net.http.HttpRequest.BodyPublishers.noBody();
        if (withBody) {
            builder.header("Content-Type", "application/json");
        }
        return api.send(builder.method(method.toUpperCase(), body)).status() != 401;
    }
}
