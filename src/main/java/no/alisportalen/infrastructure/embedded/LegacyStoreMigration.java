package no.alisportalen.infrastructure.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a store written by earlier versions (mongo-java-server's H2 MVStore backend) into a new SQLite store:
 * every database, collection and index, through the wire protocol on both sides, verifies the counts, and only
 * then moves the copy into place and keeps the old file as {@code <name>.migrated}. A crash midway leaves the
 * old file as it was and no SQLite store, so the next start simply migrates again. A file that cannot be read
 * stops the start with a clear message; it is never replaced or deleted.
 */
final class LegacyStoreMigration {

    private static final Logger log = LoggerFactory.getLogger(LegacyStoreMigration.class);
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final int BATCH = 1_000;

    private LegacyStoreMigration() {
    }

    static void migrate(Path legacyFile, Path targetFile) {
        var partial = targetFile.resolveSibling(targetFile.getFileName() + ".migrating");
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + suffix));
            }
            try (var store = new SqliteStore(partial, SqliteStore.Sync.FULL)) {
                var server = new MongoServer(new SqliteBackend(store));
                try {
                    copy(legacyFile, server.bindAndGetConnectionString());
                } finally {
                    server.shutdownNow();
                }
            }
            Files.move(partial, targetFile, StandardCopyOption.ATOMIC_MOVE);
            Files.move(legacyFile, legacyFile.resolveSibling(legacyFile.getFileName() + ".migrated"),
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Migrating " + legacyFile + " failed", e);
        }
    }

    private static void copy(Path legacyFile, String targetConnectionString) {
        log.info("Found a store of an earlier version at {}; copying it into the SQLite store", legacyFile);
        H2Backend legacyBackend;
        try {
            legacyBackend = new H2Backend(legacyFile.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("The earlier store " + legacyFile + " cannot be read (" + e.getMessage()
                    + "). It was left unchanged. Restore a backup into the SQLite store, or move the file away to "
                    + "start with an empty store.", e);
        }
        var legacyServer = new MongoServer(legacyBackend);
        try (MongoClient source = MongoClients.create(legacyServer.bindAndGetConnectionString());
                MongoClient target = MongoClients.create(targetConnectionString)) {
            var copied = new ArrayList<String>();
            for (String database : source.listDatabaseNames()) {
                if (!SYSTEM_DATABASES.contains(database)) {
                    copied.addAll(copyDatabase(source, target, database));
                }
            }
            log.info("Migrated {} collections from {}: {}", copied.size(), legacyFile, String.join(", ", copied));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Migrating the earlier store " + legacyFile + " failed (" + e.getMessage()
                    + "). It was left unchanged.", e);
        } finally {
            legacyServer.shutdownNow();
        }
    }

    private static List<String> copyDatabase(MongoClient source, MongoClient target, String name) {
        var from = source.getDatabase(name);
        var to = target.getDatabase(name);
        List<String> copied = new ArrayList<>();
        for (String collectionName : from.listCollectionNames()) {
            var in = from.getCollection(collectionName, RawBsonDocument.class);
            var out = to.getCollection(collectionName, RawBsonDocument.class);
            for (Document index : in.listIndexes()) {
                var keys = index.get("key", Document.class);
                if (keys.keySet().equals(Set.of("_id"))) {
                    continue;
                }
                out.createIndex(keys, new IndexOptions().name(index.getString("name"))
                        .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false)));
            }
            List<RawBsonDocument> batch = new ArrayList<>(BATCH);
            for (var document : in.find()) {
                batch.add(document);
                if (batch.size() == BATCH) {
                    out.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                out.insertMany(batch);
            }
            long before = in.countDocuments();
            long after = out.countDocuments();
            if (before != after) {
                throw new IllegalStateException(name + "." + collectionName + ": " + before + " documents in the "
                        + "earlier store, " + after + " copied");
            }
            copied.add(name + "." + collectionName + " (" + after + ")");
        }
        return copied;
    }
}
