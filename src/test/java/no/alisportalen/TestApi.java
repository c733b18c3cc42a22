package no.alisportalen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the running portal, with or without HTTP Basic credentials. */
public final class TestApi {

    public static final String ADMIN_EMAIL = "admin@alisportalen.no";
    public static final String ADMIN_PASSWORD = "Demo-admin-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public TestApi(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public @Nullable String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    public static final String PASSWORD = "Et langt passord 2026";

    /** A new user of the role and scope in {@code scope}, created by the admin; returns its Basic credentials. */
    public String[] newUser(Map<String, String> scope) {
        var email = "user-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        var body = new java.util.HashMap<String, Object>(scope);
        body.putAll(Map.of("email", email, "password", PASSWORD, "name", "Bruker"));
        expectCreated(post("/api/v1/admin/users", body, ADMIN_EMAIL, ADMIN_PASSWORD));
        return new String[] {email, PASSWORD};
    }

    /** A new self-registered applicant who confirmed the address; returns its Basic credentials. */
    public String[] newApplicant(String name, String stage) {
        var credentials = newUnconfirmedApplicant(name, stage);
        TestConfirmations.confirm(credentials[0]);
        listable(credentials, name, stage);
        return credentials;
    }

    /** Gives the applicant what an applicant list needs (birth date, gender, home municipality), so they may apply. */
    public void listable(String[] credentials, String name, String stage) {
        var saved = put("/api/v1/me", Map.of("name", name, "stage", stage, "birthDate", "1996-05-17",
                "gender", "UNSPECIFIED", "homeMunicipality", "0301"), credentials);
        if (saved.status() != 200) {
            throw new IllegalStateException("Expected 200, got " + saved.status() + ": " + saved.body());
        }
    }

    /** A new self-registered applicant who has not used the confirmation link (yet). */
    public String[] newUnconfirmedApplicant(String name, String stage) {
        var email = "soker-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.no";
        expectCreated(post("/api/v1/applicants", Map.of("email", email, "password", PASSWORD, "name", name,
                "stage", stage)));
        return new String[] {email, PASSWORD};
    }

    /**
     * A valid salaried position body (deadline in a month, start in three), mutable so a test changes what it
     * is about.
     */
    public static Map<String, Object> position(String municipalityNumber, String title) {
        var body = new java.util.HashMap<String, Object>();
        body.put("municipalityNumber", municipalityNumber);
        body.put("title", title);
        body.put("employmentForm", "SALARIED");
        body.put("setting", "GP_PRACTICE");
        body.put("annualSalaryNok", 1_150_000);
        body.put("listLength", 650);
        body.put("openings", 1);
        body.put("applicationDeadline", java.time.LocalDate.now().plusMonths(1).toString());
        body.put("startDate", java.time.LocalDate.now().plusMonths(3).toString());
        return body;
    }

    /** Creates and publishes the position as the given municipality user; returns its id. */
    public String publishedPosition(Map<String, Object> body, String... credentials) {
        var created = post("/api/v1/positions", body, credentials);
        expectCreated(created);
        var id = created.json().get("id").asString();
        var published = post("/api/v1/positions/" + id + "/publish", null, credentials);
        if (published.status() != 200) {
            throw new IllegalStateException("Expected 200, got " + published.status() + ": " + published.body());
        }
        return id;
    }

    private static void expectCreated(Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("Expected 201, got " + response.status() + ": " + response.body());
        }
    }

    public Response get(String path, String... credentials) {
        return send(request(path, credentials).GET());
    }

    public Response post(String path, @Nullable Object body, String... credentials) {
        return send(request(path, credentials).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : publisher(body)));
    }

    public Response put(String path, Object body, String... credentials) {
        return send(request(path, credentials).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Response delete(String path, String... credentials) {
        return send(request(path, credentials).DELETE());
    }

    /** Anything else: raw body, content type and headers chosen by the test. */
    public Response send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String... credentials) {
        var builder = HttpRequest.newBuilder(base.resolve(path));
        if (credentials.length == 2) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((credentials[0] + ":" + credentials[1]).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }
}
