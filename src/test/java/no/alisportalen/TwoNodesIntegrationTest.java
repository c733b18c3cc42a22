package no.alisportalen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.alisportalen.infrastructure.embedded.EmbeddedElasticsearch;
import no.alisportalen.infrastructure.embedded.EmbeddedMongo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A second portal node, its own JVM, on the first node's store and Elasticsearch, as a scaled-out deployment
 * runs it (docs/ops/scaling.md): what one node counts or grants, the other sees. The second node uses a search
 * alias of its own that does not exist when it starts, so its start-up shows what readiness promises: once it
 * says UP, search answers. (A second Spring context in this JVM would not do: Vaadin installs a JVM-wide
 * security-context strategy, so two contexts in one JVM read each other's logins.)
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedMongo mongo;

    @Autowired
    EmbeddedElasticsearch elasticsearch;

    private Process second;
    private int secondPort;
    private final List<String> readinessTrace = new ArrayList<>();

    @BeforeAll
    void startSecondNode() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            secondPort = socket.getLocalPort();
        }
        var alias = "positions-node2-" + UUID.randomUUID().toString().substring(0, 8);
        var dataDir = java.nio.file.Path.of("target/test-data/node2-" + UUID.randomUUID()).toAbsolutePath();
        java.nio.file.Files.createDirectories(dataDir);
        var launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        second = new ProcessBuilder(launcher, "-Xmx768m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "--spring.profiles.active=test",
                "--server.port=" + secondPort,
                "--spring.mongodb.uri=" + mongo.connectionString(),
                "--spring.elasticsearch.uris=" + elasticsearch.uri(),
                "--portal.search.alias=" + alias,
                // A node on a real MongoDB refuses the demo password; the admin already exists in the store.
                "--portal.admin.password=Second-node-secret-2026",
                "--portal.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("node2.log").toFile()).start();
        var api = secondApi();
        // From the moment the node serves requests: whenever readiness says UP, search must answer.
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!second.isAlive()) {
                throw new IllegalStateException("The second node exited; see " + dataDir.resolve("node2.log"));
            }
            int readiness = status(api, "/actuator/health/readiness");
            if (readiness < 0) {
                return false; // not listening yet
            }
            readinessTrace.add(readiness + "/" + status(api, "/api/v1/positions?size=1"));
            return readiness == 200;
        });
    }

    private static int status(TestApi api, String path) {
        try {
            return api.get(path).status();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    @AfterAll
    void stopSecondNode() throws InterruptedException {
        if (second != null) {
            second.destroy();
            if (!second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private TestApi secondApi() {
        return new TestApi(secondPort);
    }

    @Test
    void a_fresh_node_never_answers_search_with_503_once_readiness_is_up() {
        var api = secondApi();
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/positions?size=1").status()).isEqualTo(200);
        }
        assertThat(readinessTrace).as("readiness (first) and search (second) while starting")
                .noneMatch(entry -> entry.startsWith("200/") && !entry.equals("200/200"));
    }

    @Test
    void failed_logins_on_one_node_count_on_the_other() {
        var first = new TestApi(port);
        var user = first.newApplicant("To noder", "LIS1");
        var address = "198.51.100.77";
        for (int i = 0; i < 5; i++) {
            var failed = first.send(first.request("/api/v1/me", user[0], "Feil passord " + i)
                    .header("X-Forwarded-For", address).GET());
            assertThat(failed.status()).isEqualTo(401);
        }
        var api = secondApi();
        var blocked = api.send(api.request("/api/v1/me", user).header("X-Forwarded-For", address).GET());
        assertThat(blocked.status()).as("the right password waits on the other node too").isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotNull();
        var elsewhere = api.send(api.request("/api/v1/me", user).header("X-Forwarded-For", "198.51.100.78").GET());
        assertThat(elsewhere.status()).as("the user's own address is not locked out").isEqualTo(200);
    }

    @Test
    void a_key_made_on_one_node_works_on_the_other_until_it_is_revoked() {
        var first = new TestApi(port);
        var municipality = first.newUser(Map.of("role", "MUNICIPALITY", "municipalityNumber", "1804"));
        var response = first.post("/api/v1/me/api-keys", Map.of("name", "Begge noder"), municipality);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var created = response.json();
        var key = created.get("key").asString();
        var api = secondApi();
        assertThat(api.send(api.request("/api/v1/me").header("Authorization", "Bearer " + key).GET()).status())
                .isEqualTo(200);
        assertThat(first.delete("/api/v1/me/api-keys/" + created.get("id").asString(), municipality).status())
                .isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> api.send(api.request("/api/v1/me")
                .header("Authorization", "Bearer " + key).GET()).status() == 401);
    }
}
