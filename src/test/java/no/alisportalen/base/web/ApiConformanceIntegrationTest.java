package no.alisportalen.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the OpenAPI document: every operation, as every role, gets a plausible request and (as anonymous and
 * admin) a set of invalid ones — malformed JSON, wrong content type, unknown and wrongly typed fields, overlong
 * strings, out-of-range and unknown-enum parameters, an Accept it cannot produce; every path gets a method it
 * lacks. Every answer must be a status the document lists for that operation (405 for the wrong method), never
 * a 5xx, never HTML, and every error a problem-details body. Seeded: {@code -Dconformance.seed=N} replays a run.
 */
@IntegrationTest
class ApiConformanceIntegrationTest {

    private static final long SEED = Long.getLong("conformance.seed", 19);
    private static final String MISSING_ID = "0123456789abcdef01234567";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Probe(String what, String method, String path, @Nullable String contentType, @Nullable String body,
            @Nullable String accept) {}

    private record Role(String name, String @Nullable [] credentials) {}

    /**
     * A valid body for each operation that creates or changes something (keyed "METHOD path"); where a role may
     * do it, the answer must be a success. Operations on an id get the id of nothing, so their answer is 404.
     */
    private static final Map<String, java.util.function.Supplier<String>> VALID_BODIES = Map.of(
            "POST /api/v1/applicants", () -> "{\"email\": \"conformance-" + java.util.UUID.randomUUID()
                    + "@test.no\", \"password\": \"Et langt passord 2026\", \"name\": \"Gyldig\", \"stage\": \"LIS1\"}",
            "POST /api/v1/positions", () -> "{\"municipalityNumber\": \"1804\", \"title\": \"ALIS med fastlønn, gyldig\", "
                    + "\"employmentForm\": \"SALARIED\", \"annualSalaryNok\": 1100000, \"setting\": \"GP_PRACTICE\", "
                    + "\"listLength\": 700, \"openings\": 1}",
            "POST /api/v1/admin/users", () -> "{\"email\": \"conformance-" + java.util.UUID.randomUUID()
                    + "@test.no\", \"password\": \"Et langt passord 2026\", \"name\": \"Kontor\", \"role\": \"ALIS_OFFICE\", "
                    + "\"region\": \"MIDT\"}",
            "PUT /api/v1/me", () -> "{\"name\": \"Nytt Navn\", \"stage\": \"LIS1\"}",
            "PUT /api/v1/me/preferences", () -> "{\"regions\": [\"NORD\"], \"fixedSalary\": \"PREFERRED\"}",
            "POST /api/v1/me/saved-searches", () -> "{\"name\": \"Fastlønn i Nord\", \"query\": \"region=NORD\"}",
            "POST /api/v1/matches", () -> "{\"regions\": [\"NORD\"], \"fixedSalary\": \"REQUIRED\"}",
            "POST /api/v1/password-reset", () -> "{\"email\": \"finnes-ikke@test.no\"}",
            "POST /api/v1/me/api-keys", () -> "{\"name\": \"HR-system " + java.util.UUID.randomUUID() + "\"}");

    /** Who may do each of them, and so must succeed. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "POST /api/v1/applicants", Set.of("anonymous", "applicant", "municipality", "office", "admin"),
            "POST /api/v1/positions", Set.of("municipality", "admin"),
            "POST /api/v1/admin/users", Set.of("admin"),
            "PUT /api/v1/me", Set.of("applicant", "municipality", "office", "admin"),
            "PUT /api/v1/me/preferences", Set.of("applicant"),
            "POST /api/v1/me/saved-searches", Set.of("applicant"),
            "POST /api/v1/matches", Set.of("anonymous", "applicant", "municipality", "office", "admin"),
            "POST /api/v1/password-reset", Set.of("anonymous", "applicant", "municipality", "office", "admin"),
            "POST /api/v1/me/api-keys", Set.of("municipality", "office", "admin"));

    @Test
    void every_operation_answers_every_role_with_a_documented_status_and_problem_details() throws Exception {
        var api = new TestApi(port);
        JsonNode document = api.get("/v3/api-docs").json();
        problemSchema = document.at("/components/schemas/Problem");
        assertThat(problemSchema.path("required").size()).as("the document defines the problem schema").isPositive();
        var roles = List.of(new Role("anonymous", null),
                new Role("applicant", api.newApplicant("Conformance Søker", "LIS1")),
                new Role("municipality", api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"))),
                new Role("office", api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"))),
                new Role("admin", new String[] {TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD}));
        var random = new Random(SEED);
        var failures = new ConcurrentLinkedQueue<String>();
        List<Runnable> checks = new ArrayList<>();
        List<Runnable> last = new ArrayList<>();

        for (String path : new TreeSet<>(document.get("paths").propertyNames())) {
            var item = document.get("paths").get(path);
            for (String method : new TreeSet<>(item.propertyNames())) {
                var operation = item.get(method);
                Set<String> documented = new TreeSet<>(operation.get("responses").propertyNames());
                var probes = probes(document, method.toUpperCase(), path, operation, random);
                String key = method.toUpperCase() + " " + path;
                if (VALID_BODIES.containsKey(key)) {
                    for (var role : roles) {
                        boolean allowed = ALLOWED.get(key).contains(role.name());
                        var probe = new Probe("a valid request", method.toUpperCase(), path, "application/json",
                                VALID_BODIES.get(key).get(), null);
                        checks.add(() -> check(probe, role, allowed ? successes(documented) : documented, failures));
                    }
                }
                for (var role : roles) {
                    // Deleting one's own account goes last, so the role stays usable for everything else.
                    var target = method.equals("delete") && path.equals("/api/v1/me") ? last : checks;
                    boolean full = role.credentials() == null || role.name().equals("admin");
                    for (var probe : full ? probes : probes.subList(0, 1)) {
                        target.add(() -> check(probe, role, documented, failures));
                    }
                }
            }
            String wrong = List.of("PATCH", "PUT", "DELETE", "POST").stream()
                    .filter(m -> !item.has(m.toLowerCase())).findFirst().orElse("PATCH");
            String concrete = path.replaceAll("\\{[^}]+}", MISSING_ID);
            for (var role : List.of(roles.getFirst(), roles.getLast())) {
                checks.add(() -> check(new Probe("a method the path lacks", wrong, concrete, null, null, null), role,
                        Set.of("405"), failures));
            }
        }
        for (var role : List.of(roles.getFirst(), roles.get(2))) {
            checks.add(() -> check(new Probe("an unknown path", "GET", "/api/v1/nonexistent", null, null, null), role,
                    Set.of("404"), failures));
            checks.add(() -> check(new Probe("an endpoint of a later version", "POST", "/api/v2/positions",
                    "application/json", "{}", null), role, Set.of("404"), failures));
        }
        Collections.shuffle(checks, random);
        try (var pool = Executors.newFixedThreadPool(4)) {
            // Every check's Future is read: an exception inside a check is a failure, not a silent pass.
            var futures = checks.stream().map(pool::submit).toList();
            for (var future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add("a check threw " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        last.forEach(Runnable::run);
        assertThat(new ArrayList<>(failures)).as("seed " + SEED).isEmpty();
    }

    /** The documented success statuses: what a valid request by a role that may make it must get. */
    private static Set<String> successes(Set<String> documented) {
        return documented.stream().filter(s -> s.startsWith("2")).collect(java.util.stream.Collectors.toSet());
    }

    private void check(Probe probe, Role role, Set<String> documented, ConcurrentLinkedQueue<String> failures) {
        HttpResponse<String> response;
        try {
            response = send(probe, role);
        } catch (Exception e) {
            failures.add(describe(probe, role) + ": no answer (" + e + ")");
            return;
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String where = describe(probe, role) + " → " + status;
        if (status >= 500) {
            failures.add(where + ": a server error " + response.body());
        } else if (!documented.contains(Integer.toString(status))) {
            failures.add(where + ": not among the documented " + documented);
        }
        if (type.startsWith("text/html") || response.body().startsWith("<!doctype") || response.body().startsWith("<html")) {
            failures.add(where + ": answered with HTML");
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                failures.add(where + ": error without problem details (" + type + ")");
            } else {
                try {
                    var problem = JSON.readTree(response.body());
                    var wrong = conforms(problem, problemSchema);
                    if (!wrong.isEmpty() || problem.path("status").asInt() != status) {
                        failures.add(where + ": problem not as its schema says " + wrong + " " + response.body());
                    }
                } catch (RuntimeException e) {
                    failures.add(where + ": unreadable problem " + response.body());
                }
            }
        }
        if (status == 405 && response.headers().firstValue("Allow").isEmpty()) {
            failures.add(where + ": 405 without Allow");
        }
    }

    private JsonNode problemSchema = JSON.createObjectNode();

    /** What in {@code value} breaks the document's schema: missing required members, members of the wrong type. */
    private static List<String> conforms(JsonNode value, JsonNode schema) {
        List<String> wrong = new ArrayList<>();
        for (var required : schema.path("required")) {
            if (!value.has(required.asString())) {
                wrong.add("missing " + required.asString());
            }
        }
        var properties = schema.path("properties");
        for (var name : properties.propertyNames()) {
            if (!value.has(name) || value.get(name).isNull()) {
                continue;
            }
            var member = value.get(name);
            var type = properties.get(name).path("type").asString("");
            boolean ok = switch (type) {
                case "string" -> member.isString();
                case "integer" -> member.isIntegralNumber();
                case "array" -> member.isArray() && member.valueStream().allMatch(item ->
                        conforms(item, properties.get(name).path("items")).isEmpty());
                case "object" -> member.isObject();
                default -> true;
            };
            if (!ok) {
                wrong.add(name + " is not " + type);
            }
        }
        return wrong;
    }

    private static String describe(Probe probe, Role role) {
        return probe.method() + " " + probe.path() + " as " + role.name() + " with " + probe.what();
    }

    private HttpResponse<String> send(Probe probe, Role role) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                .timeout(Duration.ofSeconds(60))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        if (probe.contentType() != null) {
            builder.header("Content-Type", probe.contentType());
        }
        if (probe.accept() != null) {
            builder.header("Accept", probe.accept());
        }
        if (role.credentials() != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (role.credentials()[0] + ":" + role.credentials()[1]).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The plausible request first, then the invalid ones. */
    private static List<Probe> probes(JsonNode document, String method, String path, JsonNode operation, Random random) {
        var parameters = operation.path("parameters");
        Map<String, String> valid = new LinkedHashMap<>();
        String concrete = path;
        for (var parameter : parameters) {
            var schema = resolve(document, parameter.path("schema"));
            String name = parameter.get("name").asString();
            if (parameter.path("in").asString().equals("path")) {
                concrete = concrete.replace("{" + name + "}", MISSING_ID);
            } else if (parameter.path("required").asBoolean(false)) {
                valid.put(name, plausible(schema));
            }
        }
        var body = resolve(document, operation.at("/requestBody/content/application~1json/schema"));
        boolean hasBody = !operation.path("requestBody").isMissingNode();
        List<Probe> probes = new ArrayList<>();
        String json = hasBody ? "application/json" : null;
        probes.add(new Probe("a plausible request", method, concrete + query(valid), json, hasBody ? "{}" : null, null));
        probes.add(new Probe("an Accept it cannot produce", method, concrete + query(valid), json,
                hasBody ? "{}" : null, "image/png"));
        for (var parameter : parameters) {
            if (parameter.path("in").asString().equals("query")) {
                var schema = resolve(document, parameter.path("schema"));
                var invalid = new LinkedHashMap<>(valid);
                invalid.put(parameter.get("name").asString(), invalid(schema, random));
                probes.add(new Probe("an invalid " + parameter.get("name").asString(), method, concrete + query(invalid),
                        json, hasBody ? "{}" : null, null));
            }
        }
        if (hasBody) {
            probes.add(new Probe("malformed JSON", method, concrete + query(valid), "application/json", "{\"a\": ", null));
            probes.add(new Probe("a text body", method, concrete + query(valid), "text/plain", "hei", null));
            probes.add(new Probe("unknown fields", method, concrete + query(valid), "application/json",
                    "{\"unexpected\": [1, {\"deep\": true}], \"__proto__\": null}", null));
            var properties = body.path("properties");
            if (properties.isObject() && !properties.isEmpty()) {
                ObjectNode wrongTypes = JSON.createObjectNode();
                ObjectNode overlong = JSON.createObjectNode();
                for (var name : properties.propertyNames()) {
                    var schema = resolve(document, properties.get(name));
                    wrongTypes.set(name, wrongType(schema, random));
                    overlong.put(name, "x".repeat(10_000 + random.nextInt(5_000)));
                }
                probes.add(new Probe("wrongly typed fields", method, concrete + query(valid), "application/json",
                        wrongTypes.toString(), null));
                probes.add(new Probe("overlong strings", method, concrete + query(valid), "application/json",
                        overlong.toString(), null));
            }
        }
        return probes;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        var ref = schema.path("$ref");
        if (ref.isString()) {
            return document.at(ref.asString().substring(1));
        }
        return schema;
    }

    private static String plausible(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (schema.path("type").asString("string")) {
            case "integer", "number" -> schema.has("minimum") ? schema.get("minimum").asString() : "1";
            case "boolean" -> "true";
            default -> "ALIS";
        };
    }

    private static String invalid(JsonNode schema, Random random) {
        String type = schema.path("type").asString("string");
        if (type.equals("array")) {
            return List.of("NOPE", "", "%00").get(random.nextInt(3));
        }
        if (schema.has("enum")) {
            return "NOT_A_VALUE";
        }
        return switch (type) {
            case "integer", "number" -> List.of("2147483648", "-2147483649", "99999999999999999999", "abc", "1e400",
                    "-1", "NaN").get(random.nextInt(7));
            case "boolean" -> "perhaps";
            default -> List.of("x".repeat(5_000), "%00%ff", "\u0000", "'; drop", "{\"$gt\": \"\"}").get(random.nextInt(5));
        };
    }

    private static JsonNode wrongType(JsonNode schema, Random random) {
        return switch (schema.path("type").asString("object")) {
            case "string" -> random.nextBoolean() ? JSON.getNodeFactory().objectNode().put("a", 1)
                    : JSON.getNodeFactory().arrayNode().add(1);
            case "integer", "number" -> random.nextBoolean() ? JSON.getNodeFactory().stringNode("many")
                    : JSON.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999999"));
            case "boolean" -> JSON.getNodeFactory().stringNode("perhaps");
            case "array" -> JSON.getNodeFactory().stringNode("not a list");
            default -> JSON.getNodeFactory().numberNode(7);
        };
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        var joined = new StringBuilder("?");
        parameters.forEach((name, value) -> joined.append(joined.length() > 1 ? "&" : "").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
