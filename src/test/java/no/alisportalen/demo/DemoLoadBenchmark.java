package no.alisportalen.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the demo takes to load on a fresh machine (issue #13: "well under 10 s"): the packaged jar on a fresh
 * data folder, with the embedded Elasticsearch booting beside it, three times as {@code java -jar} and three
 * times with the JVM flag {@code spring-boot:run} starts it with ({@code -XX:TieredStopAtLevel=1}). Reports the
 * loader's own figure, when it finished and when search answered (seconds after the JVM started).
 * Writes target/benchmark/demo-load.md. Run: {@code ./mvnw -DskipTests package} then
 * {@code ./mvnw -Pbenchmark test -Dtest=DemoLoadBenchmark}.
 */
@Tag("benchmark")
class DemoLoadBenchmark {

    private static final Pattern LOADED = Pattern.compile("Demo data: \\d+ positions .* in (\\d+) ms");
    private static final int RUNS = Integer.getInteger("benchmark.demoRuns", 3);

    /** @param doneSeconds when the loader reported (the portal is ready right after its runners) */
    record Run(long loadMillis, double doneSeconds, double searchSeconds) {}

    @Test
    void demo_load_on_a_fresh_data_folder() throws Exception {
        var jar = jar();
        Assumptions.assumeTrue(jar != null, "No jar in target/: run ./mvnw -DskipTests package first");
        var lines = new ArrayList<String>();
        lines.add("# Demo load on a fresh data folder (" + Runtime.getRuntime().availableProcessors() + " cores)");
        lines.add("");
        lines.add("Goal (#13): well under 10 s. \"Loaded\" is the loader's own figure (the history replayed through "
                + "the services); the other columns are seconds after the JVM started.");
        lines.add("");
        lines.add("| JVM | run | demo loaded (ms) | demo done (s) | search answers (s) |");
        lines.add("| --- | --- | --- | --- | --- |");
        for (var variant : List.of("java -jar", "as spring-boot:run (-XX:TieredStopAtLevel=1)")) {
            for (int run = 1; run <= RUNS; run++) {
                var result = once(jar, variant.startsWith("as"));
                lines.add("| " + variant + " | " + run + " | " + result.loadMillis() + " | "
                        + String.format(java.util.Locale.ROOT, "%.1f", result.doneSeconds()) + " | "
                        + String.format(java.util.Locale.ROOT, "%.1f", result.searchSeconds()) + " |");
            }
        }
        var report = Path.of("target/benchmark/demo-load.md");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    private static Run once(Path jar, boolean likeSpringBootRun) throws Exception {
        var dataDir = Files.createTempDirectory("demo-load");
        var log = dataDir.resolve("portal.log");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--enable-native-access=ALL-UNNAMED"));
        if (likeSpringBootRun) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--portal.data-dir=" + dataDir,
                "--portal.demo.enabled=true"));
        var esHome = System.getProperty("portal.elasticsearch.embedded.home");
        if (esHome != null) {
            command.add("--portal.elasticsearch.embedded.home=" + esHome);
        }
        long started = System.nanoTime();
        var portal = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long load = -1;
            double done = -1;
            double search = -1;
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (search < 0 || load < 0) {
                if (!portal.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The jar did not load the demo and answer searches; log: " + log);
                }
                var text = Files.readString(log);
                double now = (System.nanoTime() - started) / 1e9;
                var loaded = LOADED.matcher(text);
                if (load < 0 && loaded.find()) {
                    load = Long.parseLong(loaded.group(1));
                    done = now;
                }
                if (text.contains("Search index reachable")) {
                    search = now;
                }
                portal.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            return new Run(load, done, search);
        } finally {
            portal.destroy();
            if (!portal.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
    }

    private static @org.jspecify.annotations.Nullable Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("alis-portalen-.*\\.jar")).findFirst()
                    .orElse(null);
        }
    }
}
