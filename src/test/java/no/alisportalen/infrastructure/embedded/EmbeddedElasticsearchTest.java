package no.alisportalen.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Supervision of the real distribution: its own instance, so killing it disturbs no other test. */
class EmbeddedElasticsearchTest {

    /** Under target/, not a @TempDir: the server runs as an unprivileged user who cannot enter root's 0700 dirs. */
    private final Path dir = Path.of("target/es-supervision-test").toAbsolutePath();

    @Test
    void a_work_folder_the_server_user_cannot_enter_is_relocated_and_still_runs(@org.junit.jupiter.api.io.TempDir Path
            privateDir) {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only a root portal drops privileges");
        var home = Path.of(System.getProperty("portal.elasticsearch.embedded.home",
                "target/elasticsearch/elasticsearch-8.19.21"));
        try (var es = EmbeddedElasticsearch.acquire(new EmbeddedElasticsearch.Settings(home, privateDir.resolve("es"),
                "256m", Path.of(System.getProperty("java.home")), 65534))) {
            assertThat(es.awaitHealthy(Duration.ofMinutes(2))).isTrue();
        }
    }

    @Test
    void a_killed_server_is_restarted_on_the_same_port_and_nothing_is_left_after_close() {
        var home = Path.of(System.getProperty("portal.elasticsearch.embedded.home",
                "target/elasticsearch/elasticsearch-8.19.21"));
        var es = EmbeddedElasticsearch.acquire(new EmbeddedElasticsearch.Settings(home, dir.resolve("es"), "256m",
                Path.of(System.getProperty("java.home")), 65534));
        var family = new ArrayList<ProcessHandle>();
        try {
            assertThat(es.awaitHealthy(Duration.ofMinutes(2))).as("healthy after start").isTrue();
            var uri = es.uri();
            var first = es.process().orElseThrow();
            family.add(first);
            family.addAll(first.descendants().toList());

            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> es.starts() >= 2 && es.isHealthy());
            assertThat(es.uri()).isEqualTo(uri);
            var second = es.process().orElseThrow();
            family.add(second);
            family.addAll(second.descendants().toList());
        } finally {
            es.close();
        }
        assertThat(family).allSatisfy(p -> assertThat(p.isAlive()).as("process " + p.pid()).isFalse());
        assertThat(es.isHealthy()).isFalse();
    }
}
