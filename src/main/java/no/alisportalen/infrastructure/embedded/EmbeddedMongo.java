package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB-wire-compatible server (mongo-java-server) whose data lives in one SQLite file (DD010),
 * bound to a free loopback port. One instance per data file and JVM; {@link #acquire} and {@link #close} count
 * references. A store written by an earlier version (H2 MVStore, same folder) is migrated on first start.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final Map<Path, EmbeddedMongo> RUNNING = new HashMap<>();

    /** The store file's name inside the store folder. */
    public static final String FILE_NAME = "portal.sqlite";
    /** The file earlier versions wrote (H2 MVStore), migrated once and then kept as {@code portal.mv.db.migrated}. */
    public static final String LEGACY_FILE_NAME = "portal.mv.db";

    private final Path file;
    private final SqliteStore store;
    private final MongoServer server;
    private final String connectionString;
    private int references;

    private EmbeddedMongo(Path file, SqliteStore.Sync sync) {
        this.file = file;
        long started = System.nanoTime();
        var legacy = file.resolveSibling(LEGACY_FILE_NAME);
        if (Files.exists(legacy)) {
            if (Files.exists(file)) {
                log.warn("Both {} and the earlier store {} exist: using {}; the earlier file is left as it is",
                        file.getFileName(), legacy.getFileName(), file.getFileName());
            } else {
                LegacyStoreMigration.migrate(legacy, file);
            }
        }
        this.store = new SqliteStore(file, sync);
        this.server = new MongoServer(new SqliteBackend(store));
        this.connectionString = server.bindAndGetConnectionString();
        log.info("Embedded MongoDB-compatible store at {} with data in {} (SQLite, synchronous={}, {} ms)",
                connectionString, file, sync, (System.nanoTime() - started) / 1_000_000);
    }

    /** Starts the store for this file with every commit synced to disk, or shares the one running in this JVM. */
    public static EmbeddedMongo acquire(Path dataFile) {
        return acquire(dataFile, true);
    }

    /**
     * Starts the store for this file, or shares the one already running in this JVM.
     *
     * @param fullSync {@code true}: each commit is synced to disk before its reply (survives power loss);
     *                 {@code false}: synced at checkpoints (survives a crash of the process, not of the machine)
     */
    public static synchronized EmbeddedMongo acquire(Path dataFile, boolean fullSync) {
        var file = dataFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        var instance = RUNNING.computeIfAbsent(file,
                f -> new EmbeddedMongo(f, fullSync ? SqliteStore.Sync.FULL : SqliteStore.Sync.NORMAL));
        instance.references++;
        return instance;
    }

    /** {@code mongodb://127.0.0.1:port} */
    public String connectionString() {
        return connectionString;
    }

    public Path file() {
        return file;
    }

    /** A consistent online copy of the whole store, written under a temporary name and then moved to {@code target}. */
    public void backupTo(Path target) {
        store.backupTo(target);
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
        store.close();
        log.info("Embedded store stopped; data kept in {}", file);
    }
}
