package no.alisportalen.infrastructure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Elasticsearch distribution run as a supervised child process on a free loopback port. A watchdog
 * restarts it when it dies; the HTTP port stays the same, so clients recover by themselves. One instance per
 * working directory and JVM ({@link #acquire} and {@link #close} count references); a JVM shutdown hook and a
 * pid file make sure no server is left orphaned, even after the portal itself was killed.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Map<Path, EmbeddedElasticsearch> RUNNING = new HashMap<>();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Niceness of a server started while the portal itself is still starting (only as root: see below). */
    static final int BOOT_NICENESS = 10;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedElasticsearch::stopAll, "embedded-es-shutdown"));
    }

    /**
     * @param home the unpacked distribution
     * @param workDir our folder for config, data, logs and temp files
     * @param javaHome the JDK the server runs on
     * @param runAsUid uid to drop to when this JVM runs as root
     */
    public record Settings(Path home, Path workDir, String heap, Path javaHome, int runAsUid) {}

    private final Settings settings;
    /** Where the server really runs from: the configured folders, or a traversable copy (see {@link #prepare}). */
    private Path home;
    private Path work;
    private final int httpPort;
    private final int transportPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger starts = new AtomicInteger();
    private final Thread watchdog;
    private volatile @Nullable Process process;
    private volatile boolean stopping;
    /** Until then a (re)started server runs at {@link #BOOT_NICENESS}; see {@link #portalStarted()}. */
    private volatile boolean portalStarted;
    private int references;

    private EmbeddedElasticsearch(Settings settings) {
        this.settings = settings;
        this.home = settings.home().toAbsolutePath().normalize();
        this.work = settings.workDir().toAbsolutePath().normalize();
        this.httpPort = freePort();
        this.transportPort = freePort();
        this.watchdog = Thread.ofPlatform().daemon().name("embedded-es-watchdog").unstarted(this::supervise);
    }

    /** Starts the server for this working directory in the background, or shares the running one. */
    public static synchronized EmbeddedElasticsearch acquire(Settings settings) {
        var key = settings.workDir().toAbsolutePath().normalize();
        var instance = RUNNING.get(key);
        if (instance == null) {
            instance = new EmbeddedElasticsearch(settings);
            instance.prepare();
            instance.watchdog.start();
            RUNNING.put(key, instance);
        }
        instance.references++;
        return instance;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** How often the server process was started, restarts included. */
    public int starts() {
        return starts.get();
    }

    /** The server's current process (for supervision tests and diagnostics). */
    public Optional<ProcessHandle> process() {
        var current = process;
        return current == null || !current.isAlive() ? Optional.empty() : Optional.of(current.toHandle());
    }

    /**
     * The portal has started: the server gets the same CPU priority as the portal. Lowering a priority is
     * allowed to anyone but raising it back only to root, so the server is only ever started lowered as root.
     * Linux keeps a niceness per thread, so every thread of the server's processes is set (twice, for threads
     * that were being started during the first pass).
     */
    public void portalStarted() {
        portalStarted = true;
        raisePriority();
    }

    private void raisePriority() {
        if (!isRoot()) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            process().ifPresent(server -> {
                var tids = java.util.stream.Stream.concat(java.util.stream.Stream.of(server), server.descendants())
                        .flatMap(p -> threadsOf(p.pid()).stream()).map(String::valueOf).toList();
                if (tids.isEmpty()) {
                    return;
                }
                var command = new ArrayList<>(List.of("renice", "-n", "0", "-p"));
                command.addAll(tids);
                try {
                    run(command);
                } catch (IOException e) {
                    // A thread that ended meanwhile makes renice fail for it alone; the others are set.
                    log.debug("renice of the embedded Elasticsearch: {}", e.getMessage());
                }
            });
        }
    }

    /** The ids of a process's threads (empty when it has ended). */
    static List<Long> threadsOf(long pid) {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.map(t -> Long.parseLong(t.getFileName().toString())).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** True once the cluster answers with status yellow or green. */
    public boolean isHealthy() {
        try {
            var request = HttpRequest.newBuilder(uri().resolve("/_cluster/health")).timeout(Duration.ofSeconds(2)).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the cluster is healthy; false when the time-out passed first. */
    public boolean awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isHealthy()) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return isHealthy();
    }

    @Override
    public void close() {
        synchronized (EmbeddedElasticsearch.class) {
            if (--references > 0) {
                return;
            }
            RUNNING.values().remove(this);
        }
        stop();
    }

    private static void stopAll() {
        List<EmbeddedElasticsearch> all;
        synchronized (EmbeddedElasticsearch.class) {
            all = new ArrayList<>(RUNNING.values());
            RUNNING.clear();
        }
        all.forEach(EmbeddedElasticsearch::stop);
    }

    private void stop() {
        stopping = true;
        watchdog.interrupt();
        var current = process;
        if (current != null) {
            terminate(current.toHandle());
        }
    }

    private void supervise() {
        Duration backoff = Duration.ofSeconds(1);
        while (!stopping) {
            long startedAt = System.nanoTime();
            try {
                killStale();
                var started = launch();
                process = started;
                starts.incrementAndGet();
                if (portalStarted) {
                    // Launched lowered just before the portal's start was reported (process() was still empty).
                    raisePriority();
                }
                int exit = started.waitFor();
                if (stopping) {
                    return;
                }
                log.warn("Embedded Elasticsearch exited with code {}; restarting in {} s. Last output:\n{}", exit,
                        backoff.toSeconds(), tail(work.resolve("logs/console.log"), 20));
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Cannot start embedded Elasticsearch from {}: {}", home, e.toString());
            }
            // A server that ran for a while gets a fresh back-off; one that keeps failing waits longer each time.
            if (Duration.ofNanos(System.nanoTime() - startedAt).compareTo(Duration.ofMinutes(2)) > 0) {
                backoff = Duration.ofSeconds(1);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void prepare() {
        if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at " + home
                    + ". Run './mvnw generate-resources' (Maven unpacks it), set portal.elasticsearch.embedded.home,"
                    + " or point spring.elasticsearch.uris at a running cluster.");
        }
        try {
            for (var dir : List.of("config", "data", "logs", "tmp")) {
                Files.createDirectories(work.resolve(dir));
            }
            if (isRoot()) {
                // Elasticsearch refuses to run as root: hand our folder to the unprivileged uid it will run as.
                chownWork();
                if (!reachableByUid()) {
                    relocate();
                }
            }
            copyTree(home.resolve("config"), work.resolve("config"));
            Files.writeString(work.resolve("config/elasticsearch.yml"), """
                    # Written by the portal on every start; edit EmbeddedElasticsearch, not this file.
                    cluster.name: alis-portalen-embedded
                    node.name: embedded
                    discovery.type: single-node
                    network.host: 127.0.0.1
                    http.port: %d
                    transport.port: %d
                    path.data: %s
                    path.logs: %s
                    xpack.security.enabled: false
                    action.auto_create_index: false
                    cluster.routing.allocation.disk.threshold_enabled: false
                    """.formatted(httpPort, transportPort, work.resolve("data"), work.resolve("logs")));
            if (isRoot()) {
                chownWork();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + work, e);
        }
    }

    private void chownWork() throws IOException {
        run(List.of("chown", "-R", settings.runAsUid() + ":" + settings.runAsUid(), work.toString()));
    }

    private boolean reachableByUid() {
        String uid = String.valueOf(settings.runAsUid());
        try {
            run(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--", "test", "-w",
                    work.toString(), "-a", "-r", home.resolve("lib").toString()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The project or data folder sits below a directory the unprivileged uid may not enter (a 0700 home or temp
     * folder). Run from a copy under /var/tmp instead; the data then lives there, which the log says.
     */
    private void relocate() throws IOException {
        var base = Path.of("/var/tmp/alis-portalen-es", Integer.toHexString(work.toString().hashCode()));
        var dist = base.resolve("dist");
        if (!Files.isRegularFile(dist.resolve("bin/elasticsearch"))) {
            Files.createDirectories(dist);
            run(List.of("cp", "-a", home + "/.", dist.toString()));
        }
        var newWork = base.resolve("work");
        for (var dir : List.of("config", "data", "logs", "tmp")) {
            Files.createDirectories(newWork.resolve(dir));
        }
        run(List.of("chmod", "755", "/var/tmp/alis-portalen-es", base.toString()));
        log.warn("User {} cannot reach {} or {}; running Elasticsearch from {} instead (its data lives there)",
                settings.runAsUid(), work, home, base);
        home = dist;
        work = newWork;
        chownWork();
        if (!reachableByUid()) {
            throw new IllegalStateException("Elasticsearch runs as uid " + settings.runAsUid()
                    + " (it refuses root), but that user cannot use " + base + " either.");
        }
    }

    private Process launch() throws IOException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            if (!portalStarted) {
                // The portal's own start (and its demo) comes first on a small machine: Elasticsearch boots in
                // what CPU is left and gets its full share back once the portal has started (DD015).
                command.addAll(List.of("nice", "-n", String.valueOf(BOOT_NICENESS)));
            }
            String uid = String.valueOf(settings.runAsUid());
            command.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));
        }
        command.addAll(List.of("/bin/bash", home.resolve("bin/elasticsearch").toString(), "-p",
                work.resolve("elasticsearch.pid").toString()));
        var builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("logs/console.log").toFile()));
        var env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ES_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("CLI_JAVA_OPTS"));
        env.put("ES_JAVA_HOME", settings.javaHome().toString());
        env.put("ES_PATH_CONF", work.resolve("config").toString());
        env.put("ES_TMPDIR", work.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + work.resolve("tmp"));
        env.put("HOME", work.toString());
        log.info("Starting embedded Elasticsearch on {} (home {}, data {})", uri(), home, work);
        return builder.start();
    }

    /** A server left behind by a portal that was killed would hold the data folder's lock. */
    private void killStale() {
        var pidFile = work.resolve("elasticsearch.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("elasticsearch")).orElse(false))
                    .ifPresent(p -> {
                        log.warn("Stopping Elasticsearch process {} left behind by an earlier run", pid);
                        terminate(p);
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.debug("Ignoring unreadable pid file {}: {}", pidFile, e.toString());
        }
    }

    private static void terminate(ProcessHandle handle) {
        var family = new ArrayList<ProcessHandle>(handle.descendants().toList());
        family.add(handle);
        family.forEach(ProcessHandle::destroy);
        for (var p : family) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            var p = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String tail(Path file, int lines) {
        try {
            var all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
