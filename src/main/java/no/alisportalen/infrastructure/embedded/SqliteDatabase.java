package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A database: its collections and indexes are rows of two registry tables that name their SQLite tables, so
 * collection and index names never need quoting in SQL. Opening it reopens what the registry holds.
 */
final class SqliteDatabase extends AbstractMongoDatabase<Long> {

    private final Sql sql;
    private final SqliteBackend backend;

    SqliteDatabase(String name, CursorRegistry cursors, Sql sql, SqliteBackend backend) {
        super(name, cursors);
        this.sql = sql;
        this.backend = backend;
        initializeNamespacesAndIndexes();
    }

    static void createRegistry(Sql sql) {
        sql.execute("CREATE TABLE IF NOT EXISTS mjs_collection (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "db TEXT NOT NULL, name TEXT NOT NULL, UNIQUE (db, name))");
        sql.execute("CREATE TABLE IF NOT EXISTS mjs_index (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "collection_id INTEGER NOT NULL, name TEXT NOT NULL, UNIQUE (collection_id, name))");
    }

    static List<String> databaseNames(Sql sql) {
        return sql.list("SELECT DISTINCT db FROM mjs_collection ORDER BY db", r -> r.getString(1));
    }

    private long collectionId(String collectionName) {
        sql.update("INSERT OR IGNORE INTO mjs_collection (db, name) VALUES (?, ?)", getDatabaseName(), collectionName);
        return sql.count("SELECT id FROM mjs_collection WHERE db = ? AND name = ?", getDatabaseName(), collectionName);
    }

    @Override
    protected MongoCollection<Long> openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new SqliteCollection(this, collectionName, options, cursorRegistry, sql, collectionId(collectionName),
                backend);
    }

    @Override
    protected Index<Long> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return index(collectionName, indexName, keys, sparse, true);
    }

    @Override
    protected Index<Long> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return index(collectionName, indexName, keys, sparse, false);
    }

    private Index<Long> index(String collectionName, String indexName, List<IndexKey> keys, boolean sparse,
            boolean unique) {
        long collection = collectionId(collectionName);
        sql.update("INSERT OR IGNORE INTO mjs_index (collection_id, name) VALUES (?, ?)", collection, indexName);
        long id = sql.count("SELECT id FROM mjs_index WHERE collection_id = ? AND name = ?", collection, indexName);
        return new SqliteIndex(sql, id, indexName, keys, sparse, unique);
    }

    @Override
    protected long getStorageSize() {
        try {
            return Files.size(sql.store().file());
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
