package no.alisportalen.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.alisportalen.TestApi;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import no.alisportalen.municipality.Municipality;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.AlisAgreementElement;
import no.alisportalen.position.BenchmarkLoader;
import no.alisportalen.position.BenchmarkPositions;
import no.alisportalen.position.Contact;
import no.alisportalen.position.EmploymentForm;
import no.alisportalen.position.Incentive;
import no.alisportalen.position.IncentiveType;
import no.alisportalen.position.PositionData;
import no.alisportalen.position.PositionIndexing;
import no.alisportalen.position.PositionService;
import no.alisportalen.position.WorkSetting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Search benchmark, not a test: {@code ./mvnw -Pbenchmark test [-Dbenchmark.positions=100000]}. Loads N
 * realistic positions through the real write and indexing path, rebuilds the index, then measures a mix of free
 * text, filter, facet and radius queries through the portal's API and the same Elasticsearch requests sent
 * directly. Writes target/benchmark/search.md; docs/benchmarks.md keeps the figures.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.data-dir=target/benchmark-data", "portal.demo.enabled=false",
            "portal.elasticsearch.embedded.heap=1g", "logging.level.no.alisportalen=warn",
            // The hourly full need pass over 100,000 positions is not what this benchmark measures.
            "portal.exposure.need-interval=6h"})
@ActiveProfiles("test")
class SearchBenchmark {

    static final int POSITIONS = Integer.getInteger("benchmark.positions", 100_000);
    static final int SERVICE_SAMPLE = Integer.getInteger("benchmark.serviceSample", 1000);
    static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));

    @LocalServerPort
    int port;

    @Autowired
    PositionService positions;

    @Autowired
    PositionIndexing indexing;

    @Autowired
    PositionSearchService search;

    @Autowired
    SearchIndex index;

    @Autowired
    Reindexer reindexer;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    MunicipalityService municipalities;

    @Autowired
    UserDetailsService users;

    @Autowired
    EmbeddedElasticsearch elasticsearch;

    @Autowired
    no.alisportalen.matching.MatchService matches;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    SearchResultCache cache;

    @Autowired
    tools.jackson.databind.json.JsonMapper apiJson;

    final StringBuilder report = new StringBuilder();
    final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();

    @Test
    void benchmark() throws Exception {
        assertThat(elasticsearch.awaitHealthy(Duration.ofMinutes(3))).isTrue();
        line("# Search benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version")
                + ", embedded store and embedded Elasticsearch 8.19 (heap 1 GB).");
        line("");
        // A store from an older version re-sends everything (new index fields or stored form): wait, or it runs
        // under the queries. The indexer's first pass is what finds that out, so one pass runs before looking.
        long waitStart = System.nanoTime();
        do {
            search.flush();
        } while (!indexing.pending(1).isEmpty());
        if (System.nanoTime() - waitStart > 5_000_000_000L) {
            line("(The stored positions were re-indexed first: " + fmt((System.nanoTime() - waitStart) / 1e9) + " s.)");
            line("");
        }
        // -Dbenchmark.sections=alerts (for example) reruns only some parts on the stored data.
        var sections = Set.of(System.getProperty("benchmark.sections", "load,rebuild,queries,matching,alerts")
                .split(","));
        if (sections.contains("load")) {
            load();
        }
        if (sections.contains("rebuild")) {
            rebuild();
        }
        if (sections.contains("queries")) {
            queries();
        }
        if (sections.contains("freshness")) {
            freshnessOnly();
        }
        if (sections.contains("matching")) {
            matching();
        }
        if (sections.contains("alerts")) {
            alerts();
        }
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/search.md"), report.toString());
        System.out.println(report);
    }

    /** The full write path: PositionService.create and publish, four threads as four municipality users would. */
    private int createAndPublish(List<PositionData> data) throws Exception {
        var created = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                tasks.add(() -> no.alisportalen.TestUsers.as(users, TestApi.ADMIN_EMAIL, () -> {
                    for (int i = worker; i < data.size(); i += 4) {
                        var position = positions.create(data.get(i));
                        positions.publish(position.id(), position.version());
                        created.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (var future : workers.invokeAll(tasks)) {
                future.get();
            }
        }
        return created.get();
    }

    private void load() throws Exception {
        long existing = indexing.countIndexable();
        int missing = (int) Math.max(0, POSITIONS - existing);
        int throughService = Math.min(missing, SERVICE_SAMPLE);
        long started = System.nanoTime();
        var serviceRandom = new Random(0);
        var serviceData = new ArrayList<PositionData>();
        for (int i = 0; i < throughService; i++) {
            serviceData.add(generate(serviceRandom));
        }
        var created = new AtomicInteger(createAndPublish(serviceData));
        double serviceSeconds = (System.nanoTime() - started) / 1e9;

        // The rest goes straight into the store as the write path leaves positions (dirty, with an index hint),
        // so what is measured next is the real indexer bringing them into Elasticsearch.
        int bulk = missing - throughService;
        long bulkStart = System.nanoTime();
        var random = new Random(99);
        for (int done = 0; done < bulk; done += 5000) {
            var batch = new ArrayList<PositionData>();
            for (int i = done; i < Math.min(bulk, done + 5000); i++) {
                batch.add(generate(random));
            }
            BenchmarkLoader.publishAll(mongo, municipalities, batch, java.time.Clock.systemUTC());
        }
        double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;

        long indexStart = System.nanoTime();
        while (!indexing.pending(1).isEmpty()) {
            search.flush();
        }
        index.refresh();
        double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
        line("## Loading " + POSITIONS + " positions");
        line("");
        line("| step | figure |");
        line("| --- | --- |");
        line("| positions already stored | " + existing + " |");
        line("| created and published through PositionService (4 threads, audit, feed, events) | " + created.get()
                + " in " + fmt(serviceSeconds) + " s (" + fmt(created.get() / Math.max(serviceSeconds, 0.001)) + "/s) |");
        line("| stored in bulk as the write path leaves them (dirty + index hint) | " + bulk + " in "
                + fmt(bulkSeconds) + " s |");
        line("| real indexer catch-up (all pending into Elasticsearch) | " + fmt(indexSeconds) + " s ("
                + fmt((bulk + created.get()) / Math.max(indexSeconds, 0.001)) + " positions/s) |");
        line("| documents in the index | " + index.count() + " |");
        line("");
    }

    private void rebuild() throws Exception {
        int runs = Integer.getInteger("benchmark.rebuilds", 5);
        List<String> seconds = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            reindexer.start();
            while (reindexer.status().running()) {
                Thread.sleep(100);
            }
            assertThat(reindexer.status().error()).isNull();
            seconds.add(fmt((System.nanoTime() - started) / 1e9));
        }
        line("## Full rebuild (zero downtime), " + runs + " in a row");
        line("");
        line("Rebuilt " + reindexer.status().done() + " positions in " + String.join(", ", seconds)
                + " s (goal: 100,000 within 60 s every time).");
        line("");
    }

    /** The kinds of question the figures are split by, so none hides behind the mix. */
    enum Kind { FREE_TEXT, FILTERS_ONLY, DISTANCE, FACETS_ONLY }

    static Kind kind(SearchQuery q) {
        if (q.text() != null) {
            return Kind.FREE_TEXT;
        }
        if (q.centre() != null) {
            return Kind.DISTANCE;
        }
        boolean filters = q.maxListLength() != null || q.minSalary() != null || q.minOnCallRotation() != null
                || q.alisAgreement() != null || q.recruitmentWeak() != null || q.supervisorOnSite() != null
                || q.minYearlyValue() != null || !q.municipalities().isEmpty();
        return filters ? Kind.FILTERS_ONLY : Kind.FACETS_ONLY;
    }

    /** Ranks 1..n drawn with probability proportional to 1/k^s, as popularity in job-search logs falls off. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1 / Math.pow(k, s);
                cumulative[k - 1] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int next(Random random) {
            int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }

    /** Latencies per kind, filled from many threads. */
    static final class ByKind {
        final Map<Kind, List<Long>> latencies = new java.util.concurrent.ConcurrentHashMap<>();

        void add(Kind kind, long nanos) {
            latencies.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(nanos);
        }

        List<Long> of(Kind kind) {
            synchronized (latencies.getOrDefault(kind, List.of())) {
                return new ArrayList<>(latencies.getOrDefault(kind, List.of()));
            }
        }

        List<Long> all() {
            List<Long> all = new ArrayList<>();
            for (var kind : Kind.values()) {
                all.addAll(of(kind));
            }
            return all;
        }

        private Cpu cpu = new Cpu(0, 0);
        private long jitNanos;
        private long requests;

        synchronized void cpu(Cpu used, long jit, long served) {
            cpu = cpu.plus(used);
            jitNanos += jit;
            requests += served;
        }

        /** CPU per request in ms: this JVM's (portal and load generator; of it the JIT's) + Elasticsearch's. */
        synchronized String cpuPerRequest() {
            // Two decimals: a change to the portal's path moves its share by tenths of a millisecond or less.
            return requests == 0 ? "–" : fmt2(cpu.jvmNanos() / 1e6 / requests) + " (JIT "
                    + fmt2(jitNanos / 1e6 / requests) + ") + " + fmt2(cpu.elasticsearchNanos() / 1e6 / requests);
        }
    }

    private void queries() throws Exception {
        var random = new Random(42);
        List<SearchQuery> log = queryLog(random);
        var distinct = new java.util.HashSet<>(log);
        var zipf = new Zipf(log.size(), 1.0);
        // Warm up both paths (JIT, connections) on questions outside the log. 200 were too few: a CPU profile of
        // the one-client run that followed spent 43 % of the machine in the JIT compiler, and the portal's longer
        // code path paid for it in its "own time".
        int warmUp = Integer.getInteger("benchmark.warmUpQueries", 2_000);
        // Cold questions (uniform runs and the one-client table) come from outside the log too, one half for each
        // side, so neither side ever repeats a question either side asked before (earlier the direct side wrapped
        // round into the portal's slice, where Elasticsearch's request cache already held the facets). The halves
        // alternate in the order drawn: the later a question is drawn, the rarer (and heavier) it tends to be, as
        // the common ones are taken, and a first and second half would hand the heavier ones to the direct side.
        int coldHalf = 40_000;
        var extra = new java.util.LinkedHashSet<SearchQuery>();
        while (extra.size() < warmUp + 2 * coldHalf) {
            var q = randomQuery(random).normalized();
            if (!distinct.contains(q)) {
                extra.add(q);
            }
        }
        List<SearchQuery> others = new ArrayList<>(extra);
        for (int i = 0; i < warmUp; i++) {
            var q = others.get(i);
            api(q, ApiClient.values()[i % ApiClient.values().length]); // every API client of the measures below
            raw(q);
        }
        List<SearchQuery> portalCold = new ArrayList<>();
        List<SearchQuery> directCold = new ArrayList<>();
        for (int i = warmUp; i < others.size(); i++) {
            ((i - warmUp) % 2 == 0 ? portalCold : directCold).add(others.get(i));
        }
        // The own-time measures compare a portal search with both of its requests sent directly, so the portal
        // must send both too: no facet counts reused from an earlier question until the tables under load.
        cache.facetsReused(false);
        var coldPortal = new AtomicLong(0);
        var coldDirect = new AtomicLong(0);
        line("## Query latency, one client, every question new (cold cache), after " + warmUp
                + " warm-up questions on each path; the Zipf log below has " + log.size()
                + " distinct questions (free text, filters, facets, radius)");
        line("");
        line("Portal's own time = API p50 − direct p50 for the same kind (the API also pays HTTP and JSON). API "
                + "requests here and under load go through a minimal blocking HTTP/1.1 client on a kept-alive "
                + "socket; the paired measure below also shows the HttpURLConnection and the JDK HttpClient earlier "
                + "runs used.");
        line("");
        line("| kind | n | portal p50 ms | portal p95 ms | direct p50 ms | direct p95 ms | portal's own p50 ms |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        var apiByKind = new ByKind();
        var rawByKind = new ByKind();
        for (int i = 0; i < 800; i++) {
            var q = portalCold.get((int) coldPortal.getAndIncrement());
            long t1 = System.nanoTime();
            api(q);
            apiByKind.add(kind(q), System.nanoTime() - t1);
            var r = directCold.get((int) coldDirect.getAndIncrement());
            long t0 = System.nanoTime();
            raw(r);
            rawByKind.add(kind(r), System.nanoTime() - t0);
        }
        for (var kind : Kind.values()) {
            var a = apiByKind.of(kind);
            var d = rawByKind.of(kind);
            if (a.isEmpty() || d.isEmpty()) {
                continue;
            }
            line("| " + kind + " | " + a.size() + " | " + ms(a, 50) + " | " + ms(a, 95) + " | " + ms(d, 50) + " | "
                    + ms(d, 95) + " | " + fmt((percentile(a, 50) - percentile(d, 50)) / 1e6) + " |");
        }
        line("");
        // Paired: the same new question both ways, the order alternating, so the two sides cannot draw different
        // questions, and neither gains on balance from the other having asked first (Elasticsearch's request
        // cache keeps the facets the first asker computed).
        // With each API client: what the load generator costs shows in the "own time" without being the portal's.
        // The JDK client hands each exchange between its selector and executor threads; HttpURLConnection selects
        // a proxy, builds header maps and looks up its keep-alive cache per request; the raw client writes the
        // request's bytes and reads the response on the calling thread. Its request is built before the clock.
        for (var apiClient : List.of(ApiClient.JDK, ApiClient.URL_CONNECTION, ApiClient.RAW)) {
            var paired = new ByKind();
            int pairs = 600;
            long compiling = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            for (int i = 0; i < pairs; i++) {
                var q = portalCold.get((int) coldPortal.getAndIncrement());
                var request = RawHttp.request(apiPath(q));
                paired.add(kind(q), paired(i, q, apiClient == ApiClient.RAW ? () -> rawHttp().get(request)
                        : () -> api(q, apiClient)));
            }
            compiling = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                    - compiling;
            line("Paired (API client: " + apiClient.label + ")"
                    + ", " + pairs + " further new questions each asked both ways (order alternating), median of "
                    + "API − direct per question: " + java.util.Arrays.stream(Kind.values())
                    .filter(k -> !paired.of(k).isEmpty())
                    .map(k -> k + " " + ms(paired.of(k), 50) + " ms (n " + paired.of(k).size() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")) + ", all " + ms(paired.all(), 50)
                    + " ms. The JIT compiled for " + compiling + " ms meanwhile.");
            line("");
        }
        // What a request costs the portal when the cache answers it: the framework's share of the own time above
        // (HTTP, filters, MVC, writing the page), with nothing of Elasticsearch's in it.
        var repeated = portalCold.get((int) coldPortal.getAndIncrement());
        for (var apiClient : List.of(ApiClient.JDK, ApiClient.URL_CONNECTION, ApiClient.RAW)) {
            List<Long> hits = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                long t0 = System.nanoTime();
                api(repeated, apiClient);
                hits.add(System.nanoTime() - t0);
            }
            line("One question asked again and again (answered from the result cache), " + apiClient.label
                    + ": p50 " + ms(hits, 50) + " ms, p95 "
                    + ms(hits, 95) + " ms.");
            line("");
        }
        // The same cached request after 10 ms idle, as a miss's framework code runs after waiting ~10 ms for
        // Elasticsearch; and a bare loopback round trip both ways. On this VM the portal's path took up to three
        // times as long after idle while the bare round trip barely changed: the "own time" then holds its code
        // running with cold CPU caches.
        var idle = new ArrayList<Long>();
        for (int i = 0; i < 400; i++) {
            Thread.sleep(10);
            long t0 = System.nanoTime();
            api(repeated, ApiClient.RAW);
            idle.add(System.nanoTime() - t0);
        }
        var loopback = loopback(false);
        var loopbackIdle = loopback(true);
        line("The cached request after 10 ms idle each (a miss's framework code runs after waiting for "
                + "Elasticsearch): p50 " + ms(idle, 50) + " ms, p95 " + ms(idle, 95) + " ms. A bare loopback "
                + "round trip of one byte: p50 " + percentile(loopback, 50) / 1000 + " µs back to back, "
                + percentile(loopbackIdle, 50) / 1000 + " µs after 10 ms idle.");
        line("");
        // Inside the portal, without HTTP: the search service against the same two requests sent directly (paired
        // as above), and writing the page's JSON. With the request's cost above this splits the own time.
        var service = new ArrayList<Long>();
        var writing = new ArrayList<Long>();
        for (int i = 0; i < 600; i++) {
            var q = portalCold.get((int) coldPortal.getAndIncrement());
            var result = new SearchResult[1];
            service.add(paired(i, q, () -> result[0] = search.search(q)));
            long t2 = System.nanoTime();
            apiJson.writeValueAsBytes(result[0]);
            writing.add(System.nanoTime() - t2);
        }
        // The API's own path (#14, eleventh session): the page written straight from the hits response.
        var page = new ArrayList<Long>();
        for (int i = 0; i < 600; i++) {
            var q = portalCold.get((int) coldPortal.getAndIncrement());
            page.add(paired(i, q, () -> search.searchRendered(q, true, bound -> {
                throw new IllegalStateException("the API's page took the bound path");
            })));
        }
        line("Inside the portal, 600 more new questions each: the web views' search (query, both requests, binding "
                + "the hits) minus the same requests sent directly, paired: p50 " + ms(service, 50) + " ms, and then "
                + "writing that result as JSON: p50 " + ms(writing, 50) + " ms, p95 " + ms(writing, 95) + " ms; "
                + "the API's page, written straight from the hits response, minus the same requests: p50 "
                + ms(page, 50) + " ms, p95 " + ms(page, 95) + " ms.");
        line("");
        // Profiled apart: JFR's stack walking (allocation samples) cost the longer portal path more than the
        // direct one and so inflated the "own time" above when it ran alongside.
        var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
        for (int i = 0; i < 400; i++) {
            api(portalCold.get((int) coldPortal.getAndIncrement()));
        }
        recording.stop();
        var jfr = Path.of("target/benchmark/search-one-client.jfr");
        recording.dump(jfr);
        recording.close();
        profile(jfr);
        if (Boolean.getBoolean("benchmark.oneClientOnly")) {
            return; // -Dbenchmark.oneClientOnly=true: the one-client tables only, for profiling the own time
        }
        cache.facetsReused(true);
        line("## Throughput and latency under load");
        line("");
        line("Uniform: every request a question not asked before (cache cold). Zipf: questions drawn with "
                + "probability ∝ 1/rank over the whole log (s = 1.0), starting from an empty result cache; the "
                + "2nd and 3rd 20 s go on from there, as a portal that has been serving the log for a while (both "
                + "paths have then seen the earlier windows of it); the steady state goes on, untimed, until the "
                + "portal has served " + STEADY_AFTER + " requests of the log since its cache was emptied, then 20 s "
                + "are timed (32 clients only). " + THROUGHPUT_WINDOW.toSeconds()
                + " s per run, after an untimed run of each path at 32 clients; the uniform mix's two paths in turns "
                + "of a quarter of that each (ABBA BAAB); p95 per kind in ms.");
        line("");
        line("| mix | clients | path | req/s | CPU ms per request: JVM (JIT) + Elasticsearch | from the cache | "
                + "p95 all | "
                + java.util.Arrays.stream(Kind.values()).map(k -> "p95 " + k)
                        .collect(java.util.stream.Collectors.joining(" | ")) + " |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int clients : List.of(1, 32)) {
            if (clients > 1) {
                // Untimed, both paths: the first run at 32 clients grows the server's and the clients' thread and
                // connection pools and compiles the concurrent paths. Without it the portal's row, timed first,
                // paid for that: in two runs the JDK client's row, timed third, came out 9-18 % above it. 20 s each
                // were too short: in the uniform row that followed, the JIT compiler still took 0.3-0.4 ms of CPU
                // per portal request (the portal runs far more code per request than the direct path, and a method
                // runs ~5,000 times before C2 compiles it), against 0.05-0.15 ms per direct request.
                var warmUpLoad = Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds", 60));
                throughput(clients, () -> portalCold.get((int) (coldPortal.getAndIncrement() % portalCold.size())),
                        true, new ByKind(), warmUpLoad);
                throughput(clients, () -> directCold.get((int) (coldDirect.getAndIncrement() % directCold.size())),
                        false, new ByKind(), warmUpLoad);
            }
            for (var mix : List.of("uniform", SEPARATE_ROW, APART_ROW, URL_CONNECTION_ROW, JDK_CLIENT_ROW, "zipf",
                    "zipf, 2nd 20 s", "zipf, 3rd 20 s", STEADY, "zipf, result cache off")) {
                if (!mix.startsWith(System.getProperty("benchmark.mixes", ""))) {
                    continue; // -Dbenchmark.mixes=uniform (for example): only the rows whose mix starts so
                }
                // The uniform mix times both paths in turns with the portal's row; the direct row reports them.
                var uniformDirect = new ByKind();
                double uniformDirectRate = 0;
                for (boolean viaApi : List.of(true, false)) {
                    boolean otherClient = mix.equals(JDK_CLIENT_ROW) || mix.equals(URL_CONNECTION_ROW);
                    if ((mix.endsWith("off") || otherClient) && !viaApi) {
                        continue; // the direct path has no result cache or API client: its row is the one above
                    }
                    if (mix.equals(SEPARATE_ROW) && !Boolean.getBoolean("benchmark.directJvm")) {
                        continue; // only with -Dbenchmark.directJvm=true (see SEPARATE_ROW)
                    }
                    if ((otherClient || mix.equals(STEADY) || mix.equals(SEPARATE_ROW) || mix.equals(APART_ROW))
                            && clients == 1) {
                        continue; // the one-client tables above already compare the clients; one client
                                  // would take ~5 min to reach the steady state
                    }
                    loadClient = mix.equals(JDK_CLIENT_ROW) ? ApiClient.JDK
                            : mix.equals(URL_CONNECTION_ROW) ? ApiClient.URL_CONNECTION : ApiClient.RAW;
                    // The 2nd and 3rd windows go on from the portal's row above (towards a steady state); direct
                    // rows leave the portal's cache alone.
                    boolean goesOn = mix.endsWith("2nd 20 s") || mix.endsWith("3rd 20 s") || mix.equals(STEADY);
                    if (viaApi && !goesOn) {
                        cache.enabled(!mix.endsWith("off"));
                    }
                    if (viaApi && mix.equals("zipf")) {
                        zipfStart = served();
                    }
                    var byKind = mix.startsWith("uniform") && !viaApi ? uniformDirect : new ByKind();
                    java.util.function.Supplier<SearchQuery> next = mix.startsWith("uniform")
                            ? viaApi ? () -> portalCold.get((int) (coldPortal.getAndIncrement() % portalCold.size()))
                                    : () -> directCold.get((int) (coldDirect.getAndIncrement() % directCold.size()))
                            : () -> log.get(zipf.next(java.util.concurrent.ThreadLocalRandom.current()));
                    if (viaApi && mix.equals(STEADY)) {
                        untilServed(clients, next, zipfStart + STEADY_AFTER);
                    }
                    var before = cache.stats();
                    double rate;
                    if (mix.equals("uniform") && viaApi) {
                        var rates = interleaved(clients, next, () -> directCold.get((int) (coldDirect
                                .getAndIncrement() % directCold.size())), byKind, uniformDirect);
                        rate = rates[0];
                        uniformDirectRate = rates[1];
                    } else if (mix.equals(SEPARATE_ROW) && viaApi) {
                        // The last half of the direct side's questions: the direct path of this JVM asks fewer.
                        try (var separate = new SeparateDirect(directCold.subList(directCold.size() / 2,
                                directCold.size()))) {
                            // Untimed, as the paths of this JVM were: its JIT and its pool.
                            separate.turn(clients, Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds",
                                    60)), new ByKind());
                            var rates = interleaved(clients, next, byKind,
                                    turn -> separate.turn(clients, turn, uniformDirect));
                            rate = rates[0];
                            uniformDirectRate = rates[1];
                        }
                    } else if (mix.equals(APART_ROW) && viaApi) {
                        try (var apart = CoresApart.pin()) {
                            var rates = interleaved(clients, next, () -> directCold.get((int) (coldDirect
                                    .getAndIncrement() % directCold.size())), byKind, uniformDirect);
                            rate = rates[0];
                            uniformDirectRate = rates[1];
                        }
                    } else if (mix.equals("uniform") || mix.equals(SEPARATE_ROW) || mix.equals(APART_ROW)) {
                        rate = uniformDirectRate;
                    } else {
                        rate = throughput(clients, next, viaApi, byKind);
                    }
                    var after = cache.stats();
                    long served = after.hits() - before.hits();
                    long computed = after.loads() - before.loads();
                    long facetsKnown = after.facetHits() - before.facetHits();
                    List<Long> all = new ArrayList<>();
                    for (var kind : Kind.values()) {
                        all.addAll(byKind.of(kind));
                    }
                    var perKind = java.util.Arrays.stream(Kind.values()).map(k -> byKind.of(k).isEmpty() ? "–"
                            : ms(byKind.of(k), 95)).collect(java.util.stream.Collectors.joining(" | "));
                    line("| " + mix + " | " + clients + " | " + (viaApi ? "portal API" : "direct Elasticsearch")
                            + " | " + fmt(rate) + " | " + byKind.cpuPerRequest() + " | "
                            + (viaApi && served + computed > 0
                                    ? fmt(100.0 * served / (served + computed)) + " % (facets known for "
                                            + fmt(100.0 * facetsKnown / Math.max(1, computed)) + " % of the rest)"
                                    : "–")
                            + " | " + ms(all, 95) + " | " + perKind + " |");
                }
            }
        }
        cache.enabled(true);
        loadClient = ApiClient.RAW;
        line("");
        if (System.getProperty("benchmark.mixes") != null) {
            return; // some rows only: no freshness measure either
        }
        freshness(log, zipf);
        var stats = cache.stats();
        line("Result cache at the end: " + stats.loads() + " computed, " + stats.hits() + " served from memory, "
                + fmt(stats.weightBytes() / 1048576.0) + " of " + fmt(stats.maximumBytes() / 1048576.0) + " MB.");
        line("");
    }

    /**
     * The portal's share of the one-client run's CPU samples: the top frames where time is spent (self), and the
     * portal's own methods anywhere on the stack (inclusive), request-handling threads only.
     */
    private void profile(Path jfr) throws IOException {
        Map<String, Integer> self = new java.util.HashMap<>();
        Map<String, Integer> inclusive = new java.util.HashMap<>();
        int samples = 0;
        for (var event : jdk.jfr.consumer.RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            var thread = event.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("http-nio")) {
                continue; // the load generator and Elasticsearch client threads are not the portal's work
            }
            samples++;
            var frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                var top = frames.getFirst().getMethod();
                self.merge(top.getType().getName() + "." + top.getName(), 1, Integer::sum);
            }
            var seen = new java.util.HashSet<String>();
            for (var frame : frames) {
                var m = frame.getMethod();
                var name = m.getType().getName() + "." + m.getName();
                if (name.startsWith("no.alisportalen") && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        int total = Math.max(1, samples);
        line("JFR (profile settings) over 400 more cold API searches, one client: " + samples
                + " CPU samples on request threads.");
        line("");
        line("| top frames (self) | share | | portal methods (inclusive) | share |");
        line("| --- | --- | --- | --- | --- |");
        var topSelf = self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15).toList();
        var topPortal = inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15).toList();
        for (int i = 0; i < 15; i++) {
            var a = i < topSelf.size() ? topSelf.get(i) : null;
            var b = i < topPortal.size() ? topPortal.get(i) : null;
            line("| " + (a == null ? "" : "`" + a.getKey() + "`") + " | " + (a == null ? "" : fmt(100.0 * a.getValue()
                    / total) + " %") + " | | " + (b == null ? "" : "`" + b.getKey() + "`") + " | "
                    + (b == null ? "" : fmt(100.0 * b.getValue() / total) + " %") + " |");
        }
        line("");
    }

    /**
     * -Dbenchmark.sections=freshness: only the freshness measure, after the search path (not the write path) has
     * been warmed as a portal serving searches for a while would have it; a quick look at the first publish.
     */
    private void freshnessOnly() throws Exception {
        var log = queryLog(new Random(42));
        for (int i = 0; i < Integer.getInteger("benchmark.warmUpQueries", 2_000); i++) {
            api(log.get(i % log.size()));
        }
        freshness(log, new Zipf(log.size(), 1.0));
    }

    /** The distinct questions of the Zipf log; popularity rank = the order the generator drew them in. */
    private List<SearchQuery> queryLog(Random random) {
        var distinct = new java.util.LinkedHashSet<SearchQuery>();
        while (distinct.size() < Integer.getInteger("benchmark.distinctQueries", 12_000)) {
            distinct.add(randomQuery(random).normalized());
        }
        return new ArrayList<>(distinct);
    }

    /** From a publish's return until the position appears in a (cached) search, while 32 clients search. */
    private void freshness(List<SearchQuery> log, Zipf zipf) throws Exception {
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var load = Executors.newFixedThreadPool(32);
        for (int c = 0; c < 32; c++) {
            load.submit(() -> {
                while (!stop.get()) {
                    api(log.get(zipf.next(java.util.concurrent.ThreadLocalRandom.current())));
                }
                return null;
            });
        }
        List<Long> delays = new ArrayList<>();
        try {
            var r = new Random(5);
            // The first publish of a fresh JVM may run cold code: timed and reported apart.
            for (int i = 0; i < 6; i++) {
                var data = generate(r);
                var m = data.municipalityNumber();
                var probe = new SearchQuery(null, List.of(), List.of(), List.of(m), List.of(), List.of(), null, null,
                        null, null, null, null, null, List.of(), List.of(), null, null, SearchSort.NEWEST, 0, 20);
                api(probe); // cached before the publish, as a popular question would be
                var id = no.alisportalen.TestUsers.as(users, no.alisportalen.TestApi.ADMIN_EMAIL, () -> {
                    var created = positions.create(data);
                    return positions.publish(created.id(), created.version()).id().value();
                });
                long published = System.nanoTime();
                while (!apiBody(probe).contains(id)) {
                    if (System.nanoTime() - published > Duration.ofSeconds(60).toNanos()) {
                        throw new IllegalStateException("Not searchable after 60 s: " + id);
                    }
                    Thread.sleep(20);
                }
                delays.add(System.nanoTime() - published);
            }
        } finally {
            stop.set(true);
            load.shutdown();
            load.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
        line("## Freshness under load");
        line("");
        line("Positions published through PositionService while 32 clients search the Zipf log; time from the "
                + "publish call's return until a search (cached just before) shows it: first publish of the JVM "
                + fmt(delays.getFirst() / 1e6) + " ms, then " + delays.subList(1, delays.size()).stream()
                .map(d -> fmt(d / 1e6)).collect(java.util.stream.Collectors.joining(", ")) + " ms (goal ≤ 2,000 ms).");
        line("");
    }

    private no.alisportalen.matching.Preferences randomPreferences(Random r) {
        var all = municipalities.all();
        var b = no.alisportalen.matching.Preferences.defaults().toBuilder();
        b.regions = r.nextBoolean() ? Set.of(Region.values()[r.nextInt(6)]) : Set.of();
        b.locationRequired = !b.regions.isEmpty() && r.nextBoolean();
        if (r.nextBoolean()) {
            b.homeMunicipality = all.get(r.nextInt(all.size())).number();
            b.maxDistanceKm = r.nextBoolean() ? 100 + r.nextInt(500) : null;
        }
        b.employmentForms = r.nextInt(3) == 0 ? Set.of(EmploymentForm.SALARIED) : b.employmentForms;
        b.maxListLength = r.nextBoolean() ? 600 + 100 * r.nextInt(8) : null;
        b.fixedSalary = no.alisportalen.matching.Requirement.values()[r.nextInt(3)];
        b.supervisorOnSite = no.alisportalen.matching.Requirement.values()[r.nextInt(3)];
        b.minOnCallRotation = r.nextInt(3) == 0 ? 4 + r.nextInt(4) : null;
        return b.build();
    }

    private void matching() throws IOException {
        var random = new Random(7);
        var nb = java.util.Locale.forLanguageTag("nb");
        List<Long> latencies = new ArrayList<>();
        long found = 0;
        for (int i = 0; i < 250; i++) {
            var preferences = randomPreferences(random);
            long t0 = System.nanoTime();
            var result = matches.match(preferences, 0, 20, nb);
            if (i >= 50) { // the first 50 warm up
                latencies.add(System.nanoTime() - t0);
                found += result.total();
            }
        }
        line("## Matching one applicant against " + index.count() + " positions");
        line("");
        line("200 generated preference sets (after 50 for warm-up), one client, page of 20 with reasons, plus the "
                + "what-if counts (one multi-search). Mean result set: " + (found / 200) + " positions.");
        line("");
        line("| p50 ms | p95 ms | p99 ms | goal p95 |");
        line("| --- | --- | --- | --- |");
        line("| " + ms(latencies, 50) + " | " + ms(latencies, 95) + " | " + ms(latencies, 99) + " | ≤ 100 ms |");
        line("");
    }

    private void alerts() throws Exception {
        int savedSearches = Integer.getInteger("benchmark.savedSearches", 50_000);
        int burst = Integer.getInteger("benchmark.burst", 1_000);
        var random = new Random(11);
        List<Object> searches = new ArrayList<>();
        var all = municipalities.all();
        for (int i = 0; i < savedSearches; i++) {
            if (random.nextInt(10) < 7) {
                var q = new StringBuilder("region=").append(Region.values()[random.nextInt(6)]);
                if (random.nextBoolean()) {
                    q.append("&employmentForm=").append(EmploymentForm.values()[random.nextInt(2)]);
                }
                if (random.nextInt(10) < 3) {
                    q.append("&maxListLength=").append(600 + 100 * random.nextInt(8));
                }
                if (random.nextInt(5) == 0) {
                    q.append("&municipality=").append(all.get(random.nextInt(all.size())).number());
                }
                if (random.nextInt(10) == 0) {
                    q.append("&q=").append(List.of("legesenter", "fastlonn", "sykehjem").get(random.nextInt(3)));
                }
                searches.add(q.toString());
            } else {
                var p = randomPreferences(random).toBuilder();
                p.regions = Set.of(Region.values()[random.nextInt(6)]);
                p.locationRequired = true;
                searches.add(p.build());
            }
        }
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("name").is("Benchmark")), "saved_searches");
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "notifications");
        // Only the burst is measured: the evaluator starts from the current end of the feed.
        awaitAlertsCaughtUp(Duration.ofMinutes(30));
        long insertStart = System.nanoTime();
        no.alisportalen.alert.AlertBenchmarkSupport.insertSavedSearches(mongo, searches, random);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        // Let the evaluator catch up with everything before the burst.
        var before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "notifications");
        awaitAlertsCaughtUp(Duration.ofMinutes(10));

        // The burst: created and published through PositionService, the real write path (four threads).
        var burstData = new ArrayList<PositionData>();
        var r = new Random(100);
        for (int i = 0; i < burst; i++) {
            burstData.add(generate(r));
        }
        long publishStart = System.nanoTime();
        createAndPublish(burstData);
        long published = System.nanoTime();
        awaitAlertsCaughtUp(Duration.ofMinutes(30));
        long done = System.nanoTime();
        var created = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "notifications") - before;
        line("## Alerts for a burst of publications");
        line("");
        line("| step | figure |");
        line("| --- | --- |");
        line("| saved searches (70 % searches, 10 % of those with free text; 30 % preference sets) | " + savedSearches
                + ", stored in " + fmt(insertSeconds) + " s |");
        line("| positions created and published through PositionService (4 threads) | "
                + burst + " in " + fmt((published - publishStart) / 1e9) + " s |");
        line("| from the last publication until every change was evaluated (feed sequencing included) | "
                + fmt((done - published) / 1e9) + " s (goal: within 60 s) |");
        line("| from the first publication until every change was evaluated | " + fmt((done - publishStart) / 1e9)
                + " s |");
        line("| notifications created | " + created + " |");
        line("");
    }

    private void awaitAlertsCaughtUp(Duration limit) throws InterruptedException {
        var deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            var last = mongo.findOne(new org.springframework.data.mongodb.core.query.Query()
                    .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                            "_id")).limit(1), org.bson.Document.class, "position_feed");
            long lastSequence = last == null ? 0 : ((Number) last.get("_id")).longValue();
            boolean sequenced = mongo.count(new org.springframework.data.mongodb.core.query.Query(),
                    "position_feed_queue") == 0;
            if (sequenced && no.alisportalen.alert.AlertBenchmarkSupport.cursor(mongo) >= lastSequence) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Alerts did not catch up within " + limit);
    }

    /** One byte there and back over loopback TCP, 400 times, each after 10 ms idle if {@code afterIdle}. */
    private static List<Long> loopback(boolean afterIdle) throws Exception {
        List<Long> times = new ArrayList<>();
        try (var server = new java.net.ServerSocket(0)) {
            var echo = Thread.ofPlatform().start(() -> {
                try (var s = server.accept(); var in = s.getInputStream(); var out = s.getOutputStream()) {
                    for (int b; (b = in.read()) >= 0; ) {
                        out.write(b);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the client closed
                }
            });
            try (var client = new java.net.Socket("localhost", server.getLocalPort())) {
                client.setTcpNoDelay(true);
                var in = client.getInputStream();
                var out = client.getOutputStream();
                for (int i = 0; i < 400; i++) {
                    if (afterIdle) {
                        Thread.sleep(10);
                    }
                    long t0 = System.nanoTime();
                    out.write(1);
                    out.flush();
                    in.read();
                    times.add(System.nanoTime() - t0);
                }
            }
            echo.join();
        }
        return times;
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * One new question asked through {@code portal} and directly, the portal first when {@code i} is even (the
     * second asker finds the facets in Elasticsearch's request cache): the portal's time minus the direct one.
     */
    private long paired(int i, SearchQuery q, Step portal) throws Exception {
        long t0 = System.nanoTime();
        if (i % 2 == 0) {
            portal.run();
            long t1 = System.nanoTime();
            raw(q);
            return (t1 - t0) - (System.nanoTime() - t1);
        }
        raw(q);
        long t1 = System.nanoTime();
        portal.run();
        return (System.nanoTime() - t1) - (t1 - t0);
    }

    private static final String JDK_CLIENT_ROW = "uniform, API load through the JDK HttpClient";
    /**
     * The uniform mix with the direct path's client in a JVM of its own, as the portal's JVM serves only the portal
     * in production: in the row above, the portal's turns ran 0.4-0.55 ms more JVM CPU per request than in
     * all-portal turns of the same run (eleventh session), some of it the direct turns' garbage and type profiles.
     * Measured in two runs of the twelfth session, it did not bear that out (0.81x and 0.78x against 0.86x and
     * 0.88x in the row above, docs/benchmarks.md), so it runs only with -Dbenchmark.directJvm=true.
     */
    private static final String SEPARATE_ROW = "uniform, direct from a JVM of its own";
    /**
     * The uniform mix with Elasticsearch on one core and this JVM (the portal and both load generators) on the
     * other, as in production, where the search cluster has machines of its own: on shared cores every
     * millisecond of the portal's CPU is one Elasticsearch does not get, and the rows above measure that sum.
     */
    private static final String APART_ROW = "uniform, Elasticsearch on a core of its own";

    /** This JVM's threads on CPU 0, its child processes' (Elasticsearch) on CPU 1, until closed (taskset). */
    private record CoresApart(List<Long> children) implements AutoCloseable {

        static CoresApart pin() throws Exception {
            var children = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
            taskset("0", ProcessHandle.current().pid());
            for (long child : children) {
                taskset("1", child);
            }
            return new CoresApart(children);
        }

        @Override
        public void close() throws Exception {
            taskset("0,1", ProcessHandle.current().pid());
            for (long child : children) {
                taskset("0,1", child);
            }
        }

        private static void taskset(String cpus, long pid) throws Exception {
            // -a: every thread the process has now; threads started later inherit their creator's set.
            var process = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                    .redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("taskset " + cpus + " " + pid + ": " + output);
            }
        }
    }

    private static final String URL_CONNECTION_ROW = "uniform, API load through HttpURLConnection";

    /**
     * The Zipf log once the portal has served {@link #STEADY_AFTER} of its requests since its cache was emptied, as
     * a portal does when the index has not changed for a while. Expected misses then: 0.1 × E1(100,000 / 120,000)
     * ≈ 2.7 % (s = 1 over 12,000 questions). The three 20 s windows reach a point that depends on the machine's
     * speed: 37,000-70,000 requests on this one (89-94 % from the cache), ~150,000 on a faster one (96 %).
     */
    private static final String STEADY = "zipf, steady state";
    private static final long STEADY_AFTER = 100_000;
    private long zipfStart;

    /** Untimed Zipf load through the API until the result cache has answered or computed {@code requests} in all. */
    private void untilServed(int clients, java.util.function.Supplier<SearchQuery> next, long requests)
            throws Exception {
        var deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        var left = new AtomicLong(requests - served()); // counted here: stats() cleans the cache up first
        clients(clients, () -> left.getAndDecrement() > 0 && System.nanoTime() < deadline, () -> api(next.get()));
    }

    /** Requests the result cache has answered or computed since the portal started. */
    private long served() {
        var stats = cache.stats();
        return stats.hits() + stats.loads();
    }

    /**
     * The portal and direct Elasticsearch in turns of a quarter window each, in the order ABBA BAAB, so neither
     * gains from running later: the uniform mix is the closest comparison (goal 0.95×), and when its two rows ran
     * one after the other the one timed later gained as Elasticsearch's caches warmed. In the first run with the
     * raw client, three portal rows timed one after another gave 163, 183 and 166 req/s around a direct row's 195.
     * Returns both rates, the portal's first.
     */
    private double[] interleaved(int clients, java.util.function.Supplier<SearchQuery> portalNext,
            java.util.function.Supplier<SearchQuery> directNext, ByKind portal, ByKind direct) throws Exception {
        return interleaved(clients, portalNext, portal, turn -> throughput(clients, directNext, false, direct, turn));
    }

    interface Turn {
        double run(Duration turn) throws Exception;
    }

    private double[] interleaved(int clients, java.util.function.Supplier<SearchQuery> portalNext, ByKind portal,
            Turn directTurn) throws Exception {
        var turn = THROUGHPUT_WINDOW.dividedBy(4);
        double[] sums = new double[2];
        for (boolean viaApi : new boolean[] {true, false, false, true, false, true, true, false}) {
            sums[viaApi ? 0 : 1] += viaApi ? throughput(clients, portalNext, true, portal, turn)
                    : directTurn.run(turn);
        }
        return new double[] {sums[0] / 4, sums[1] / 4};
    }

    /**
     * The direct path from a JVM of its own ({@link DirectLoad}), on questions of the direct side's half that this
     * JVM does not ask; one turn at a time, each turn's latencies and CPU added to {@code direct}.
     */
    private final class SeparateDirect implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader out;
        private final java.io.PrintWriter in;

        SeparateDirect(List<SearchQuery> questions) throws Exception {
            var file = Path.of("target/benchmark/direct-questions.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, apiJson.writeValueAsString(questions));
            var launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(launcher, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    DirectLoad.class.getName(), elasticsearch.uri().toString(), index.alias(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Cpu.loadPid = process.pid();
            out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            in = new java.io.PrintWriter(process.getOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8);
            var ready = reply("ready ");
            if (Integer.parseInt(ready.substring(6)) != questions.size()) {
                throw new IllegalStateException("The direct load read other questions: " + ready);
            }
        }

        double turn(int clients, Duration turn, ByKind direct) throws Exception {
            var cpu = Cpu.now();
            in.println("run " + clients + " " + turn.toMillis());
            var done = reply("done ").split(" ");
            var used = Cpu.now().minus(cpu);
            long requests = Long.parseLong(done[1]);
            for (int i = 3; i < done.length; i++) {
                int colon = done[i].indexOf(':');
                direct.add(Kind.valueOf(done[i].substring(0, colon)), Long.parseLong(done[i].substring(colon + 1)));
            }
            direct.cpu(used, 0, requests);
            return requests / (turn.toNanos() / 1e9);
        }

        /** The next line of the protocol; anything else the process prints (a log line) is passed on. */
        private String reply(String prefix) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                System.out.println("[direct load] " + line);
            }
            throw new IllegalStateException("The direct load ended: " + process.exitValue());
        }

        @Override
        public void close() throws Exception {
            in.println("quit");
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Cpu.loadPid = -1;
        }
    }

    private double throughput(int clients, java.util.function.Supplier<SearchQuery> next, boolean viaApi,
            ByKind byKind) throws Exception {
        return throughput(clients, next, viaApi, byKind, THROUGHPUT_WINDOW);
    }

    private double throughput(int clients, java.util.function.Supplier<SearchQuery> next, boolean viaApi,
            ByKind byKind, Duration window) throws Exception {
        var done = new AtomicLong();
        var cpu = Cpu.now();
        var threads = ThreadCpu.now();
        var deadline = System.nanoTime() + window.toNanos();
        clients(clients, () -> System.nanoTime() < deadline, () -> {
            var q = next.get();
            long t0 = System.nanoTime();
            if (viaApi) {
                api(q);
            } else {
                raw(q);
            }
            byKind.add(kind(q), System.nanoTime() - t0);
            done.incrementAndGet();
        });
        var used = ThreadCpu.minus(ThreadCpu.now(), threads);
        byKind.cpu(Cpu.now().minus(cpu), used.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum(), done.get());
        // -Dbenchmark.threadCpu=true: where the JVM's CPU went, by thread group, after every timed run.
        if (Boolean.getBoolean("benchmark.threadCpu")) {
            line("CPU µs per request by thread group (" + (viaApi ? "portal" : "direct") + ", " + clients
                    + " clients, " + done.get() + " requests): " + used.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue() / 1000 / Math.max(1, done.get()))
                    .collect(java.util.stream.Collectors.joining(", ")));
            line("");
        }
        return done.get() / (window.toNanos() / 1e9);
    }

    /**
     * CPU time of this JVM's threads (GC and JIT included), by thread name with digits taken out. A thread that
     * ends within the run is missed: the load generator's pool (the direct path's client work), and any compiler
     * thread the JVM retires, so the groups add up to less than {@link Cpu}'s total.
     */
    static final class ThreadCpu {
        static Map<String, Long> now() throws IOException {
            Map<String, Long> byTask = new java.util.HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (var task : tasks.toList()) {
                    try {
                        var name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                        long ns = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                        byTask.merge(task.getFileName() + "|" + name, ns, Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended meanwhile
                    }
                }
            }
            return byTask;
        }

        static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
            Map<String, Long> groups = new java.util.HashMap<>();
            later.forEach((task, ns) -> groups.merge(task.substring(task.indexOf('|') + 1),
                    ns - earlier.getOrDefault(task, 0L), Long::sum));
            return groups;
        }
    }

    /**
     * CPU time used so far by this JVM (the portal and the load generator) and by Elasticsearch (the child
     * processes). Per request it shows where a path's cost lands, steadier than throughput on two shared cores.
     */
    record Cpu(long jvmNanos, long elasticsearchNanos) {

        /** The direct load's JVM, when it runs in one of its own: Java, not Elasticsearch. */
        static volatile long loadPid = -1;

        static Cpu now() {
            long es = 0;
            long load = 0;
            for (var p : ProcessHandle.current().descendants().toList()) {
                long nanos = p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
                if (p.pid() == loadPid) {
                    load += nanos;
                } else {
                    es += nanos;
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            return new Cpu(os.getProcessCpuTime() + load, es);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(jvmNanos - earlier.jvmNanos, elasticsearchNanos - earlier.elasticsearchNanos);
        }

        Cpu plus(Cpu other) {
            return new Cpu(jvmNanos + other.jvmNanos, elasticsearchNanos + other.elasticsearchNanos);
        }
    }

    /** {@code clients} threads, each running {@code request} one after another while {@code goOn} holds. */
    static void clients(int clients, java.util.function.BooleanSupplier goOn, Step request)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                tasks.add(() -> {
                    while (goOn.getAsBoolean()) {
                        request.run();
                    }
                    return null;
                });
            }
            for (var f : pool.invokeAll(tasks)) {
                f.get();
            }
        }
    }

    /**
     * The load generator, on the same two cores as the portal and Elasticsearch. Its own work per request counts
     * against the portal, so the load goes through the leanest client ({@link RawHttp}), and the others stay in
     * the report for comparison: in four runs HttpURLConnection (the sixth and seventh sessions' load) added
     * 0.1-0.9 ms to the paired own time, and the JDK HttpClient (earlier sessions') 0.7-1.9 ms, which it spends
     * handing every exchange between its selector and executor threads.
     */
    enum ApiClient {
        RAW("minimal HTTP/1.1 client, blocking"), URL_CONNECTION("blocking HttpURLConnection"),
        JDK("JDK HttpClient");

        final String label;

        ApiClient(String label) {
            this.label = label;
        }
    }

    private volatile ApiClient loadClient = ApiClient.RAW;

    private void api(SearchQuery q) throws IOException, InterruptedException {
        api(q, loadClient);
    }

    static {
        // The JDK keeps 5 idle connections per server by default; 32 clients would open a new one per request.
        System.setProperty("http.maxConnections", "64");
    }

    /** One connection per load thread. A pool's threads end with their row; Tomcat closes their idle sockets. */
    private final ThreadLocal<RawHttp> rawHttp = ThreadLocal.withInitial(() -> new RawHttp(port));

    private RawHttp rawHttp() {
        return rawHttp.get();
    }

    private void api(SearchQuery q, ApiClient client) throws IOException, InterruptedException {
        switch (client) {
            case RAW -> rawHttp().get(RawHttp.request(apiPath(q)));
            case JDK -> apiBody(q);
            case URL_CONNECTION -> {
                // Read to the end and closed, so the connection goes back to the JDK's keep-alive cache.
                var connection = (java.net.HttpURLConnection) apiUri(q).toURL().openConnection();
                try (var in = connection.getInputStream()) {
                    if (connection.getResponseCode() != 200) {
                        throw new IllegalStateException("HTTP " + connection.getResponseCode());
                    }
                    in.readAllBytes();
                }
            }
        }
    }

    private String apiPath(SearchQuery q) {
        var uri = apiUri(q);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private URI apiUri(SearchQuery q) {
        var params = SearchParameters.toParameters(q, q.centre() == null ? null : "1804");
        var query = new StringBuilder("size=").append(q.size());
        params.forEach((k, values) -> values.forEach(v -> query.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
        return URI.create("http://localhost:" + port + "/api/v1/positions?" + query);
    }

    private String apiBody(SearchQuery q) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(apiUri(q)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** The same two requests the portal sends (hits and facets, side by side), straight to Elasticsearch. */
    private void raw(SearchQuery q) throws IOException {
        DirectSearch.send(client, index.alias(), q, rawParallel);
    }

    final java.util.concurrent.ExecutorService rawParallel = Executors.newVirtualThreadPerTaskExecutor();

    private SearchQuery randomQuery(Random r) {
        var bodo = municipalities.find("1804").orElseThrow().location();
        String text = switch (r.nextInt(4)) {
            case 0 -> List.of("tromso", "bergen", "legesenter", "sykehjem", "fastlonn", "legevakt").get(r.nextInt(6));
            default -> null;
        };
        var regions = r.nextInt(3) == 0 ? List.of(Region.values()[r.nextInt(6)]) : List.<Region>of();
        var forms = r.nextInt(3) == 0 ? List.of(EmploymentForm.values()[r.nextInt(2)]) : List.<EmploymentForm>of();
        boolean radius = r.nextInt(4) == 0;
        return new SearchQuery(text, regions, List.of(), List.of(), forms,
                r.nextInt(4) == 0 ? List.of(WorkSetting.GP_PRACTICE) : List.of(), r.nextInt(3) == 0 ? 1000 : null,
                r.nextInt(5) == 0 ? 1_000_000 : null, r.nextInt(5) == 0 ? Boolean.TRUE : null, null, null, null,
                r.nextInt(4) == 0 ? 5 : null, r.nextInt(5) == 0 ? List.of(IncentiveType.HOUSING) : List.of(),
                List.of(), radius ? bodo : null, radius ? 300.0 : null,
                radius && r.nextBoolean() ? SearchSort.DISTANCE
                        : List.of(SearchSort.RELEVANCE, SearchSort.DEADLINE, SearchSort.NEWEST, SearchSort.SALARY)
                                .get(r.nextInt(4)), r.nextInt(3), 20);
    }

    private PositionData generate(Random r) {
        return BenchmarkPositions.generate(municipalities, r);
    }

    private static long percentile(List<Long> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(List<Long> values, int p) {
        return fmt(percentile(values, p) / 1e6);
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String fmt2(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private void line(String text) {
        report.append(text).append('\n');
        try {
            Files.createDirectories(Path.of("target/benchmark"));
            Files.writeString(Path.of("target/benchmark/search.md"), report.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
