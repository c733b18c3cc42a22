package no.alisportalen.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import no.alisportalen.TestApi;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-key benchmark, not a test (part of {@code ./mvnw -Pbenchmark test}): positions created and published
 * through the API per second by 8 client threads, authenticated with an API key and with HTTP Basic, in
 * alternating rounds of the same run. Writes target/benchmark/api-keys.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.data-dir=target/benchmark-apikey-data", "portal.demo.enabled=false",
            "portal.api-keys.requests-per-minute=10000000", "logging.level.no.alisportalen=warn"})
@ActiveProfiles("test")
class ApiKeyBenchmark {

    static final int THREADS = 8;
    static final Duration ROUND = Duration.ofSeconds(Long.getLong("benchmark.apikeys.roundSeconds", 20));
    static final int ROUNDS = Integer.getInteger("benchmark.apikeys.rounds", 3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedElasticsearch elasticsearch;

    record Round(String mode, int positions, double seconds, List<Long> latenciesMicros) {

        double perSecond() {
            return positions / seconds;
        }

        long percentile(double p) {
            var sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    @Test
    void benchmark() throws Exception {
        assertThat(elasticsearch.awaitHealthy(Duration.ofMinutes(3))).isTrue();
        var api = new TestApi(port);
        var owner = api.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var key = api.post("/api/v1/me/api-keys", Map.of("name", "Benchmark"), owner).json().get("key").asString();
        String bearer = "Bearer " + key;
        String basic = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((owner[0] + ":" + owner[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // Warm-up: JIT, connection pools, the index.
        run(api, "warm-up key", bearer, Duration.ofSeconds(15));
        run(api, "warm-up basic", basic, Duration.ofSeconds(5));
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(run(api, "API key", bearer, ROUND));
            rounds.add(run(api, "Basic", basic, ROUND));
        }
        report(rounds);
    }

    private Round run(TestApi api, String mode, String authorization, Duration duration) throws Exception {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var done = new AtomicInteger();
        var failures = new ConcurrentLinkedQueue<String>();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> {
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    var created = api.send(api.request("/api/v1/positions").header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(position()))));
                    if (created.status() != 201) {
                        failures.add("create " + created.status());
                        continue;
                    }
                    var id = created.json().get("id").asString();
                    var published = api.send(api.request("/api/v1/positions/" + id + "/publish")
                            .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()));
                    if (published.status() != 200) {
                        failures.add("publish " + published.status());
                        continue;
                    }
                    latencies.add((System.nanoTime() - begin) / 1_000);
                    done.incrementAndGet();
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            for (var future : pool.invokeAll(workers)) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(failures).as(mode).isEmpty();
        return new Round(mode, done.get(), seconds, List.copyOf(latencies));
    }

    private static Map<String, Object> position() {
        return TestApi.position("1804", "ALIS med fastlønn fra HR-systemet");
    }

    private void report(List<Round> rounds) throws Exception {
        var text = new StringBuilder("# API keys vs HTTP Basic\n\n")
                .append(String.format(Locale.ROOT, "%d client threads; each position is a create and a publish "
                        + "call; %d s rounds, alternating.%n%n", THREADS, ROUND.toSeconds()))
                .append("| round | auth | positions | positions/s | p50 ms | p95 ms |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            var r = rounds.get(i);
            text.append(String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f |%n", i + 1, r.mode(),
                    r.positions(), r.perSecond(), r.percentile(0.5) / 1000.0, r.percentile(0.95) / 1000.0));
        }
        double keyRate = rounds.stream().filter(r -> r.mode().equals("API key")).mapToDouble(Round::perSecond)
                .average().orElse(0);
        double basicRate = rounds.stream().filter(r -> r.mode().equals("Basic")).mapToDouble(Round::perSecond)
                .average().orElse(0);
        text.append(String.format(Locale.ROOT, "%nMean: API key %.1f positions/s, Basic %.1f positions/s, "
                + "ratio %.1f×.%n", keyRate, basicRate, keyRate / basicRate));
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/api-keys.md"), text);
        System.out.println(text);
    }
}
