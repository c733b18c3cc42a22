package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import no.alisportalen.infrastructure.embedded.SqliteStore.StoreException;

/**
 * A MongoDB index as a SQLite table of (encoded key, document position) with the key as primary key: unique
 * indexes are enforced by SQLite itself, non-unique ones key on (key, position). Multikey: one row per array
 * element, as MongoDB does. Lookups go through {@link #positions} with byte ranges from {@link QueryPlanner}.
 */
final class SqliteIndex extends Index<Long> {

    private final Sql sql;
    private final String table;
    private final boolean unique;
    private final long registryId;

    SqliteIndex(Sql sql, long registryId, String name, List<IndexKey> keys, boolean sparse, boolean unique) {
        super(name, keys, sparse);
        this.sql = sql;
        this.registryId = registryId;
        this.table = "idx_" + registryId;
        this.unique = unique;
        sql.execute("CREATE TABLE IF NOT EXISTS " + table + " (k BLOB NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY ("
                + (unique ? "k" : "k, pos") + ")) WITHOUT ROWID");
    }

    @Override
    public boolean isUnique() {
        return unique;
    }

    boolean sparse() {
        return isSparse();
    }

    List<String> fields() {
        return keys();
    }

    private boolean skipped(Document document) {
        return isSparse() && getKeyValues(document).stream().allMatch(k -> k.stream().allMatch(Objects::isNull));
    }

    private Set<byte[]> encodedKeys(Document document) {
        Set<byte[]> keys = new TreeSet<>(java.util.Arrays::compare);
        for (KeyValue key : getKeyValues(document)) {
            keys.add(IndexKeys.encode(key));
        }
        return keys;
    }

    @Override
    public Long getPosition(Document document) {
        if (!unique || skipped(document)) {
            return null;
        }
        for (byte[] key : encodedKeys(document)) {
            var position = sql.first("SELECT pos FROM " + table + " WHERE k = ?", r -> r.getLong(1), key);
            if (position.isPresent()) {
                return position.get();
            }
        }
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Long> collection) {
        if (!unique || skipped(document)) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            if (sql.count("SELECT count(*) FROM " + table + " WHERE k = ?", IndexKeys.encode(key)) > 0) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    public void add(Document document, Long position, MongoCollection<Long> collection) {
        if (skipped(document)) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            try {
                sql.update("INSERT " + (unique ? "" : "OR IGNORE ") + "INTO " + table + " (k, pos) VALUES (?, ?)",
                        IndexKeys.encode(key), position);
            } catch (StoreException e) {
                if (unique && Sql.isConstraintViolation(e)) {
                    throw new DuplicateKeyError(this, collection, getKeys(), key);
                }
                throw e;
            }
        }
    }

    /** Only unique indexes know a document's position from its keys; the collection removes entries by position. */
    @Override
    public Long remove(Document document) {
        Long position = getPosition(document);
        if (position != null) {
            removeEntries(document, position);
        }
        return position;
    }

    void removeEntries(Document document, long position) {
        for (byte[] key : encodedKeys(document)) {
            sql.update("DELETE FROM " + table + " WHERE k = ? AND pos = ?", key, position);
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Long> collection) {
        if (!unique || nullAwareEqualsKeys(oldDocument, newDocument) || skipped(newDocument)) {
            return;
        }
        Long oldPosition = getPosition(oldDocument);
        for (KeyValue key : getKeyValues(newDocument)) {
            var position = sql.first("SELECT pos FROM " + table + " WHERE k = ?", r -> r.getLong(1),
                    IndexKeys.encode(key));
            if (position.isPresent() && !position.get().equals(oldPosition)) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Long position,
            MongoCollection<Long> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            removeEntries(oldDocument, position);
            add(newDocument, position, collection);
        }
    }

    /** Positions whose keys lie in any of the half-open ranges {@code [low, high)}, ascending and distinct. */
    TreeSet<Long> positions(List<byte[][]> ranges) {
        var positions = new TreeSet<Long>();
        for (byte[][] range : ranges) {
            positions.addAll(sql.list("SELECT pos FROM " + table + " WHERE k >= ? AND k < ?", r -> r.getLong(1),
                    range[0], range[1]));
        }
        return positions;
    }

    /** The query path goes through {@link QueryPlanner}; mongo-java-server's own planner is bypassed. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Long> getPositions(Document query) {
        return new ArrayList<>();
    }

    @Override
    public long getCount() {
        return sql.count("SELECT count(*) FROM " + table);
    }

    @Override
    public boolean isEmpty() {
        return sql.first("SELECT 1 FROM " + table + " LIMIT 1", r -> 1).isEmpty();
    }

    @Override
    public long getDataSize() {
        return sql.count("SELECT coalesce(sum(length(k)) + 8 * count(*), 0) FROM " + table);
    }

    @Override
    public void drop() {
        sql.execute("DROP TABLE IF EXISTS " + table);
        sql.update("DELETE FROM mjs_index WHERE id = ?", registryId);
    }
}
