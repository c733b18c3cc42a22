package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB-wire-compatible server whose data lives in one H2 MVStore file, bound to a free
 * loopback port. One instance per data file and JVM; {@link #acquire} and {@link #close} count references.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final Map<Path, EmbeddedMongo> RUNNING = new HashMap<>();

    private final Path file;
    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;
    private int references;

    private EmbeddedMongo(Path file) {
        this.file = file;
        long started = System.nanoTime();
        // Commit every 200 ms (default 1 s) so a hard kill loses at most a fraction of a second of writes.
        var store = new MVStore.Builder().fileName(file.toString()).compress().open();
        store.setAutoCommitDelay(200);
        this.backend = new H2Backend(store);
        this.server = new MongoServer(backend);
        this.connectionString = server.bindAndGetConnectionString();
        log.info("Embedded MongoDB-compatible store at {} with data in {} ({} ms)", connectionString, file,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Starts the store for this file, or shares the one already running in this JVM. */
    public static synchronized EmbeddedMongo acquire(Path dataFile) {
        var file = dataFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        var instance = RUNNING.computeIfAbsent(file, EmbeddedMongo::new);
        instance.references++;
        return instance;
    }

    /** {@code mongodb://127.0.0.1:port} */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        synchronized (EmbeddedMongo.class) {
            if (--references > 0) {
                return;
            }
            RUNNING.remove(file);
        }
        server.shutdown();
        if (!backend.getMvStore().isClosed()) {
            backend.close();
        }
        log.info("Embedded store stopped; data kept in {}", file);
    }
}
