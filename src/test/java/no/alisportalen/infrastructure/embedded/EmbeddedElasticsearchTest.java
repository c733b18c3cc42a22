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

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The niceness of every thread of the server's processes (field 19 of /proc/<tid>/stat). */
    private static java.util.Set<Integer> niceness(ProcessHandle server) {
        var values = new java.util.HashSet<Integer>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(server), server.descendants()).forEach(p -> {
            for (long tid : EmbeddedElasticsearch.threadsOf(p.pid())) {
                try {
                    var stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(p.pid()), "task",
                            String.valueOf(tid), "stat"));
                    values.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                } catch (java.io.IOException e) {
                    // the thread ended meanwhile
                }
            }
        });
        assertThat(values).as("threads of " + server.pid()).isNotEmpty();
        return values;
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
            if (root()) {
                // Booted while "the portal" was starting: lowered; once it has started, every thread is level.
                assertThat(niceness(first)).containsOnly(EmbeddedElasticsearch.BOOT_NICENESS);
                es.portalStarted();
                assertThat(niceness(first)).containsOnly(0);
            }
            family.add(first);
            family.addAll(first.descendants().toList());

            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> es.starts() >= 2 && es.isHealthy());
            assertThat(es.uri()).isEqualTo(uri);
            var second = es.process().orElseThrow();
            if (root()) {
                assertThat(niceness(second)).as("a restart after the portal started").containsOnly(0);
            }
            family.add(second);
            family.addAll(second.descendants().toList());
        } finally {
            es.close();
        }
        assertThat(family).allSatisfy(p -> assertThat(p.isAlive()).as("process " + p.pid()).isFalse());
        assertThat(es.isHealthy()).isFalse();
    }
}
