package no.alisportalen.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.position.PositionId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Exposure counts through the API as integrations and visitors cause them: one per visitor within the window,
 * bots and staff not counted, no person stored, batched writes, and the stats API's fields.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExposureIntegrationTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";

    @LocalServerPort
    int port;

    @Autowired
    ExposureService exposure;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicantNeeds needs;

    @Autowired
    ExposureProperties properties;

    TestApi api;
    String[] municipality;
    String[] office;
    String position;

    @BeforeAll
    void data() {
        api = new TestApi(port);
        municipality = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "5510"));
        office = api.newUser(Map.of("role", "ALIS_OFFICE", "region", "NORD"));
        position = api.publishedPosition(TestApi.position("5510", "ALIS Kvæfjord synlighet"), municipality);
    }

    /** This class's own client address: the whole suite's other visitors share 127.0.0.1's twenty. */
    static final String ADDRESS = "198.51.100.61";

    private TestApi.Response as(String path, String userAgent, String... credentials) {
        var builder = api.request(path, credentials).header("X-Forwarded-For", ADDRESS).GET();
        if (userAgent != null) {
            builder.header("User-Agent", userAgent);
        }
        return api.send(builder);
    }

    private void head(String path, String userAgent) {
        var response = api.send(api.request(path).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent));
        assertThat(response.status()).as("HEAD " + path).isEqualTo(200);
    }

    private JsonNode stats() {
        exposure.flush();
        return api.get("/api/v1/stats/positions?region=NORD", office).json().valueStream()
                .filter(p -> p.get("positionId").asString().equals(position)).findFirst().orElseThrow();
    }

    private void searchUntilFound(String userAgent) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> as(
                "/api/v1/positions?municipality=5510&size=100", userAgent).json().get("items").valueStream()
                .anyMatch(i -> i.get("id").asString().equals(position)));
    }

    @Test
    void one_visitor_counts_once_bots_and_staff_not_at_all_and_no_person_is_stored() {
        var before = stats();
        searchUntilFound(BROWSER);
        for (int i = 0; i < 3; i++) {
            as("/api/v1/positions?municipality=5510&size=100", BROWSER); // reloads within ten minutes
        }
        as("/api/v1/positions?municipality=5510&size=100", "Mozilla/5.0 (compatible; Googlebot/2.1)");
        as("/api/v1/positions?municipality=5510&size=100", "Mozilla/5.0 (compatible; bingbot/2.0)");
        as("/api/v1/positions?municipality=5510&size=100", BROWSER, municipality);
        head("/api/v1/positions?municipality=5510&size=100", BROWSER + " Edg/131.0"); // shows no one anything
        var once = stats();
        assertThat(once.get("impressions").asLong()).isEqualTo(before.get("impressions").asLong() + 1);

        searchUntilFound(BROWSER + " Firefox/133"); // another visitor
        as("/api/v1/positions/" + position, BROWSER);
        as("/api/v1/positions/" + position, BROWSER);
        as("/api/v1/positions/" + position, BROWSER, municipality);
        head("/api/v1/positions/" + position, BROWSER + " Edg/131.0");
        var applicant = api.newApplicant("Synlig Søker", "LIS1");
        var applied = api.send(api.request("/api/v1/positions/" + position + "/applications", applicant)
                .header("Content-Type", "application/json").header("User-Agent", BROWSER)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"coverLetter\":\"Hei\"}")));
        assertThat(applied.status()).isEqualTo(201);
        var after = stats();
        assertThat(after.get("impressions").asLong()).isEqualTo(before.get("impressions").asLong() + 2);
        assertThat(after.get("views").asLong()).isEqualTo(before.get("views").asLong() + 1);
        assertThat(after.get("applyClicks").asLong()).isEqualTo(before.get("applyClicks").asLong() + 1);

        // Aggregates only: the stored documents have the position, the day and three counts, nothing else.
        var allowed = Set.of("_id", "positionId", "day", "impressions", "views", "applyClicks");
        for (var collection : List.of(ExposureService.DAILY, ExposureService.TOTALS)) {
            for (var d : mongo.find(new org.springframework.data.mongodb.core.query.Query(), Document.class,
                    collection)) {
                assertThat(allowed).containsAll(d.keySet());
            }
        }
        assertThat(mongo.getCollection(ExposureService.TOTALS)
                .find(com.mongodb.client.model.Filters.eq("_id", position)).first().toJson())
                .doesNotContain("Mozilla", "127.0.0.1", applicant[0]);
    }

    @Test
    void concurrent_page_views_cost_one_write_per_position_and_day_and_lose_nothing() throws Exception {
        exposure.flush();
        var ids = List.of(new PositionId("bench-a"), new PositionId("bench-b"), new PositionId("bench-c"));
        var before = exposure.totals(ids);
        int threads = 8;
        int visitors = 200;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int v = 0; v < visitors; v++) {
                        var viewer = new Viewer("t" + thread + "v" + v, true);
                        exposure.impressions(ids, viewer);
                        exposure.impressions(ids, viewer); // a reload: not counted
                        exposure.view(ids.getFirst(), viewer);
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        }
        // 4,800 counted looks (and as many repeats) become one upsert per position and day.
        int written = exposure.flush();
        assertThat(written).isBetween(3, 6); // 3, or 6 if the run crossed midnight
        var after = exposure.totals(ids);
        for (var id : ids) {
            long was = before.containsKey(id) ? before.get(id).impressions() : 0;
            assertThat(after.get(id).impressions() - was).isEqualTo((long) threads * visitors);
        }
        long viewsWas = before.containsKey(ids.getFirst()) ? before.get(ids.getFirst()).views() : 0;
        assertThat(after.get(ids.getFirst()).views() - viewsWas).isEqualTo((long) threads * visitors);
    }

    @Test
    void one_address_cycling_user_agents_counts_as_twenty_visitors_at_most_and_moves_no_need() throws Exception {
        var attacked = api.publishedPosition(TestApi.position("5510", "ALIS Kvæfjord under angrep"), municipality);
        var id = new PositionId(attacked);
        var page = "/api/v1/positions?municipality=5510&size=100";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> api.get(page).json()
                .get("items").valueStream().anyMatch(i -> i.get("id").asString().equals(attacked)));
        exposure.flush();
        long before = exposure.totals(List.of(id)).getOrDefault(id, Exposure.NONE).impressions();
        var needBefore = needs.recompute().get(id);
        long memoryBefore = exposure.visitorMemoryBytes();
        int shown = api.get(page).json().get("items").size();

        int requests = 10_000;
        int clients = 4;
        try (var pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = client; i < requests; i += clients) {
                        var response = api.send(api.request(page).header("X-Forwarded-For", "203.0.113.77")
                                .header("User-Agent", BROWSER + " Attack/" + i).GET());
                        ok += response.status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (var f : done) {
                ok += f.get();
            }
            assertThat(ok).as("every request was served").isEqualTo(requests);
        }
        exposure.flush();
        long moved = exposure.totals(List.of(id)).get(id).impressions() - before;
        assertThat(moved).isPositive().isLessThanOrEqualTo(properties.visitorsPerAddress());
        var needAfter = needs.recompute().get(id);
        assertThat(needAfter.need()).isEqualTo(needBefore.need());
        assertThat(needAfter.reasons()).isEqualTo(needBefore.reasons());
        // The memory grew by twenty visitors' looks and one address, not by 10,000 User-Agents' (other tests
        // running meanwhile may add a little: the bound allows a hundred more looks).
        long grown = exposure.visitorMemoryBytes() - memoryBefore;
        long look = ExposureService.ENTRY_BYTES + 80;
        assertThat(grown).isLessThanOrEqualTo((properties.visitorsPerAddress() * (long) shown + 100) * look + 4_096);
        assertThat(exposure.visitorMemoryBytes()).isLessThanOrEqualTo(properties.visitorMemory().toBytes());
    }

    @Test
    void bots_are_recognised_by_their_user_agent() {
        assertThat(Viewer.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
        assertThat(Viewer.isBot("Mozilla/5.0 (compatible; bingbot/2.0)")).isTrue();
        assertThat(Viewer.isBot("facebookexternalhit/1.1")).isTrue();
        assertThat(Viewer.isBot("")).isTrue();
        assertThat(Viewer.isBot(null)).isTrue();
        assertThat(Viewer.isBot(BROWSER)).isFalse();
        assertThat(Viewer.isBot("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0 Safari/537.36")).isFalse();
        assertThat(Viewer.isBot("Java-http-client/25")).isFalse(); // integrations count
    }
}
