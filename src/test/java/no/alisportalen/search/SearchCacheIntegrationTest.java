package no.alisportalen.search;

import static no.alisportalen.TestApi.ADMIN_EMAIL;
import static no.alisportalen.TestApi.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.alisportalen.IntegrationTest;
import no.alisportalen.TestApi;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.EmploymentForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The search result cache never serves a result older than the index state it was computed on: a publish, a
 * change, a close and a rebuild are each visible as soon as the indexer ran. Spellings of one question share an
 * entry, concurrent identical misses ask Elasticsearch once, memory stays bounded, and Elasticsearch's own shard
 * request cache answers repeated facet requests.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCacheIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PositionSearchService search;

    @Autowired
    SearchResultCache cache;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    SearchIndex index;

    TestApi api;
    String[] hamar;
    final String[] admin = {ADMIN_EMAIL, ADMIN_PASSWORD};

    @BeforeAll
    void data() {
        api = new TestApi(port);
        hamar = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "3403"));
        api.publishedPosition(TestApi.position("3403", "ALIS Hamar cache en"), hamar);
        search.flush();
    }

    private List<String> titles(String query) {
        var response = api.get("/api/v1/positions?municipality=3403&size=100" + query);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").valueStream().map(i -> i.get("title").asString()).toList();
    }

    @Test
    void a_publish_a_change_a_close_and_a_rebuild_are_visible_as_soon_as_the_indexer_ran() throws Exception {
        var before = titles("");
        var loads = cache.stats().loads();
        assertThat(titles("")).isEqualTo(before);
        assertThat(cache.stats().loads()).as("the repeat came from the cache").isEqualTo(loads);

        var id = api.publishedPosition(TestApi.position("3403", "ALIS Hamar ny i dag"), hamar);
        search.flush();
        assertThat(titles("")).contains("ALIS Hamar ny i dag");

        var current = api.get("/api/v1/positions/" + id, hamar).json();
        var body = TestApi.position("3403", "ALIS Hamar endret tittel");
        body.put("version", current.get("version").asLong());
        assertThat(api.put("/api/v1/positions/" + id, body, hamar).status()).isEqualTo(200);
        search.flush();
        assertThat(titles("")).contains("ALIS Hamar endret tittel").doesNotContain("ALIS Hamar ny i dag");

        assertThat(api.post("/api/v1/positions/" + id + "/close", null, hamar).status()).isEqualTo(200);
        search.flush();
        assertThat(titles("")).doesNotContain("ALIS Hamar endret tittel");

        // One that stays open, so what the rebuild must find again is not nothing.
        api.publishedPosition(TestApi.position("3403", "ALIS Hamar blir stående"), hamar);
        search.flush();
        var shown = titles("");
        assertThat(shown).contains("ALIS Hamar blir stående");
        var beforeRebuild = cache.stats().loads();
        assertThat(api.post("/api/v1/admin/reindex", null, admin).status()).isEqualTo(202);
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1))
                .until(() -> !api.get("/api/v1/admin/reindex", admin).json().get("running").asBoolean());
        var rebuilt = titles("");
        // The same positions; their order among equal scores is the index's own and may differ in a new one.
        assertThat(rebuilt).as("the rebuilt index finds what the old one did")
                .containsExactlyInAnyOrderElementsOf(shown);
        assertThat(titles("")).as("and that is cached again").isEqualTo(rebuilt);
        assertThat(cache.stats().loads()).as("the rebuilt index is asked afresh, once").isEqualTo(beforeRebuild + 1);
    }

    @Autowired
    IndexGeneration generation;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void another_nodes_index_write_retires_this_nodes_cached_results() {
        titles("");
        var loads = cache.stats().loads();
        long before = generation.current();
        // What another node's indexer does after a pass: advance the shared counter in the store.
        mongo.getCollection("search_generation").updateOne(com.mongodb.client.model.Filters.eq("_id", "positions"),
                com.mongodb.client.model.Updates.inc("value", 1L),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> generation.current() > before);
        titles("");
        assertThat(cache.stats().loads()).isEqualTo(loads + 1);
    }

    @Test
    void spellings_of_one_question_share_an_entry() {
        titles("&q=ALIS%20%20Hamar&region=OST&employmentForm=SALARIED&employmentForm=SELF_EMPLOYED");
        var loads = cache.stats().loads();
        titles("&q=%20alis%20hamar%20&employmentForm=SELF_EMPLOYED&employmentForm=SALARIED&region=OST&region=OST");
        assertThat(cache.stats().loads()).isEqualTo(loads);
        var q = new SearchQuery("  Alis   HAMAR ", List.of(Region.OST, Region.OST), List.of(), List.of("3403"),
                List.of(EmploymentForm.SELF_EMPLOYED, EmploymentForm.SALARIED), List.of(), null, null, null, null,
                null, null, null, List.of(), List.of(), null, null, SearchSort.RELEVANCE, 0, 100);
        assertThat(q.normalized().text()).isEqualTo("alis hamar");
        assertThat(q.normalized().regions()).containsExactly(Region.OST);
        assertThat(q.normalized().employmentForms()).containsExactly(EmploymentForm.SALARIED,
                EmploymentForm.SELF_EMPLOYED);
    }

    @Test
    void the_api_sends_its_cached_page_compressed_to_a_client_that_accepts_gzip_and_plain_to_others()
            throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var uri = java.net.URI.create("http://localhost:" + port + "/api/v1/positions?municipality=3403&size=7");
        var loads = cache.stats().loads();
        var miss = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cache.stats().loads()).as("a new question").isEqualTo(loads + 1);
        assertThat(miss.headers().firstValue("Content-Encoding")).as("sent before it was compressed").isEmpty();
        // Compressed in the background: the cached page is then sent as gzip.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> http.send(
                java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).headers().firstValue("Content-Encoding")
                .isPresent());

        loads = cache.stats().loads();
        var plain = http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        var gzip = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "br, gzip;q=0.8")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        var refused = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip;q=0")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cache.stats().loads()).as("the repeats came from the cache").isEqualTo(loads);
        assertThat(miss.body()).isEqualTo(plain.body());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("ALIS Hamar cache en");

        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());
    }

    @Test
    void other_pages_and_orders_of_a_question_reuse_its_facet_counts_until_the_index_changes() {
        var question = "/api/v1/positions?municipality=3403&size=1";
        var first = api.get(question + "&page=0&sort=relevance").json();
        var before = cache.stats();
        var second = api.get(question + "&page=1&sort=deadline").json();
        assertThat(cache.stats().loads()).as("a new page").isEqualTo(before.loads() + 1);
        assertThat(cache.stats().facetHits()).as("its facets known").isEqualTo(before.facetHits() + 1);
        assertThat(second.get("facets").toString()).as("the same counts in the same order")
                .isEqualTo(first.get("facets").toString());

        api.get(question + "&page=0&employmentForm=SELF_EMPLOYED");
        assertThat(cache.stats().facetMisses()).as("another filter, another facet question")
                .isEqualTo(before.facetMisses() + 1);

        api.publishedPosition(TestApi.position("3403", "ALIS Hamar fasetter"), hamar);
        search.flush();
        var after = api.get(question + "&page=2&sort=newest").json();
        assertThat(cache.stats().facetMisses()).as("counted afresh on the new index state")
                .isEqualTo(before.facetMisses() + 2);
        assertThat(salaried(after)).isEqualTo(salaried(first) + 1);
    }

    private static long salaried(tools.jackson.databind.JsonNode result) {
        return result.get("facets").get("employmentForm").valueStream()
                .filter(v -> v.get("value").asString().equals("SALARIED")).mapToLong(v -> v.get("count").asLong())
                .sum();
    }

    @Test
    void concurrent_identical_misses_ask_elasticsearch_once() throws Exception {
        var query = SearchQuery.all().withPage(0, 37); // a size nobody else asks for: a fresh key
        var loads = cache.stats().loads();
        List<Future<SearchResult>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> search.search(query)));
            }
            for (var r : results) {
                assertThat(r.get().items()).isNotEmpty();
            }
        }
        assertThat(cache.stats().loads() - loads).isEqualTo(1);
    }

    @Test
    void memory_stays_within_its_bound() {
        var small = new SearchResultCache(1, null);
        var page = search.search(SearchQuery.all().withPage(0, 100));
        assertThat(SearchResultCache.bytes(page)).isGreaterThan(2_000);
        for (int i = 0; i < 2_000; i++) { // megabytes of results into a one-megabyte cache
            var result = page;
            small.get(new SearchResultCache.Key(i, java.time.LocalDate.now(), false, SearchQuery.all()), () -> result);
        }
        var noise = new byte[300_000]; // does not compress: each page weighs ~300 KB
        new java.util.Random(1).nextBytes(noise);
        var rendered = RenderedPage.of(noise, List.of()).compressed();
        assertThat(rendered.json()).isEqualTo(noise);
        assertThat(rendered.weight()).isGreaterThan(300_000);
        for (int i = 0; i < 2_000; i++) { // and the API's rendered pages into the same bound
            small.rendered(new SearchResultCache.Key(i, java.time.LocalDate.now(), false, SearchQuery.all()),
                    () -> rendered);
        }
        var facets = page.facets();
        assertThat(facets).isNotEmpty();
        for (int i = 0; i < 20_000; i++) { // and facet counts, each for another question
            small.facets(new SearchResultCache.FacetsKey(0, java.time.LocalDate.now(), SearchQuery.all()
                    .withMinYearlyValue(i)), facets);
        }
        var stats = small.stats();
        assertThat(stats.maximumBytes()).isEqualTo(1024 * 1024);
        assertThat(stats.weightBytes()).isLessThanOrEqualTo(stats.maximumBytes());
        assertThat(cache.stats().weightBytes()).isLessThanOrEqualTo(cache.stats().maximumBytes());
    }

    @Test
    void elasticsearch_answers_repeated_facet_requests_from_its_shard_request_cache() throws Exception {
        // Other pages of one question send Elasticsearch the same facet request. The portal's own caches (off
        // here) would answer the facets themselves; Elasticsearch's cache serves the other nodes, and this one
        // once the portal has let the counts go.
        cache.enabled(false);
        try {
            titles("&region=OST&page=0&size=1");
            long hits = requestCacheHits();
            for (int page = 1; page <= 5; page++) {
                titles("&region=OST&page=" + page + "&size=1");
            }
            // A refresh by some other test's write in between empties that cache once; most repeats still hit.
            assertThat(requestCacheHits()).isGreaterThanOrEqualTo(hits + 3);
        } finally {
            cache.enabled(true);
        }
    }

    private long requestCacheHits() throws Exception {
        var stats = client.indices().stats(s -> s.index(index.alias()).metric("request_cache"));
        return stats.all().total().requestCache().hitCount();
    }
}
