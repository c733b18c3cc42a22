package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection as a SQLite table of (position, BSON document). Queries go through {@link QueryPlanner}; what
 * no index serves is a paged scan, logged at debug with the query's shape so a missing index is easy to see.
 */
final class SqliteCollection extends AbstractMongoCollection<Long> {

    private static final Logger log = LoggerFactory.getLogger(SqliteCollection.class);
    private static final int PAGE = 500;

    private final Sql sql;
    private final long registryId;
    private final String table;
    private final SqliteBackend backend;
    /**
     * Set once the table is gone: mongo-java-server still reads a collection it has just dropped (dropping a
     * database queries system.indexes after dropping it), and a dropped collection reads as empty.
     */
    private volatile boolean dropped;

    SqliteCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors, Sql sql,
            long registryId, SqliteBackend backend) {
        super(database, name, options, cursors);
        this.sql = sql;
        this.backend = backend;
        this.registryId = registryId;
        this.table = "doc_" + registryId;
        sql.execute("CREATE TABLE IF NOT EXISTS " + table + " (pos INTEGER PRIMARY KEY AUTOINCREMENT, doc BLOB NOT NULL)");
    }

    /** A filter the next full read of one collection may be narrowed to (see {@link SqliteBackend}). */
    record Narrowing(String collection, Document query) {}

    private static final ThreadLocal<@Nullable Narrowing> NARROWING = new ThreadLocal<>();

    static void narrowNextScan(Narrowing narrowing) {
        NARROWING.set(narrowing);
    }

    static void clearNarrowing() {
        NARROWING.remove();
    }

    /** What an aggregation reads: narrowed by its leading {@code $match} once, for its own collection only. */
    @Override
    public Stream<Document> queryAllAsStream() {
        var narrowing = NARROWING.get();
        if (narrowing != null && narrowing.collection().equals(getFullName())) {
            NARROWING.remove();
            return queryDocuments(narrowing.query(), null, 0, 0, 0, null).collectDocuments().stream();
        }
        return scan(false).map(DocumentWithPosition::getDocument);
    }

    private List<SqliteIndex> indexes() {
        synchronized (getIndexes()) {
            return getIndexes().stream().filter(SqliteIndex.class::isInstance).map(SqliteIndex.class::cast).toList();
        }
    }

    @Override
    public void addIndex(Index<Long> index) {
        synchronized (getIndexes()) {
            super.addIndex(index);
        }
    }

    @Override
    public void dropIndex(String indexName) {
        synchronized (getIndexes()) {
            super.dropIndex(indexName);
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        var plan = dropped ? java.util.Optional.<QueryPlanner.Plan>empty() : QueryPlanner.plan(query, indexes());
        if (plan.isEmpty()) {
            if (!query.isEmpty()) {
                backend.scanned();
                if (log.isDebugEnabled()) {
                    log.debug("Collection scan on {}: no index serves {}", getFullName(), QueryPlanner.shape(query));
                }
            }
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        var positions = plan.get().index().positions(plan.get().ranges());
        List<Long> ordered = new ArrayList<>(isNaturalDescending(orderBy) ? positions.descendingSet() : positions);
        return matchDocumentsFromStream(fetch(ordered), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** Documents at the given positions, in that order, loaded a page at a time as the stream is consumed. */
    private Stream<Document> fetch(List<Long> positions) {
        if (dropped) {
            return Stream.empty();
        }
        Iterator<List<Long>> pages = new Iterator<>() {
            int at;

            @Override
            public boolean hasNext() {
                return at < positions.size();
            }

            @Override
            public List<Long> next() {
                var page = positions.subList(at, Math.min(positions.size(), at + PAGE));
                at += page.size();
                return page;
            }
        };
        return stream(pages).flatMap(page -> {
            String marks = page.stream().map(p -> "?").collect(Collectors.joining(","));
            var found = new java.util.HashMap<Long, Document>();
            for (var row : sql.list("SELECT pos, doc FROM " + table + " WHERE pos IN (" + marks + ")",
                    r -> new DocumentWithPosition<>(Sql.decode(r.getBytes(2)), r.getLong(1)), page.toArray())) {
                found.put(row.getPosition(), row.getDocument());
            }
            return page.stream().map(found::get).filter(java.util.Objects::nonNull);
        });
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        var documents = scan(isNaturalDescending(orderBy)).map(DocumentWithPosition::getDocument);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, numberToReturn, batchSize,
                fieldSelector);
    }

    @Override
    protected Stream<DocumentWithPosition<Long>> streamAllDocumentsWithPosition() {
        return scan(false);
    }

    /** Every document, a page at a time by position: no statement stays open between pages. */
    private Stream<DocumentWithPosition<Long>> scan(boolean descending) {
        if (dropped) {
            return Stream.empty();
        }
        String sqlText = "SELECT pos, doc FROM " + table + " WHERE pos " + (descending ? "<" : ">") + " ? ORDER BY pos "
                + (descending ? "DESC" : "ASC") + " LIMIT " + PAGE;
        Iterator<List<DocumentWithPosition<Long>>> pages = new Iterator<>() {
            long after = descending ? Long.MAX_VALUE : Long.MIN_VALUE;
            List<DocumentWithPosition<Long>> next = load();

            private List<DocumentWithPosition<Long>> load() {
                var page = sql.list(sqlText, r -> new DocumentWithPosition<>(Sql.decode(r.getBytes(2)), r.getLong(1)),
                        after);
                if (!page.isEmpty()) {
                    after = page.getLast().getPosition();
                }
                return page;
            }

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<DocumentWithPosition<Long>> next() {
                if (next.isEmpty()) {
                    throw new NoSuchElementException();
                }
                var current = next;
                next = current.size() < PAGE ? List.of() : load();
                return current;
            }
        };
        return stream(pages).flatMap(List::stream);
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    @Override
    protected Document getDocument(Long position) {
        if (dropped) {
            return null;
        }
        return sql.first("SELECT doc FROM " + table + " WHERE pos = ?", r -> Sql.decode(r.getBytes(1)), position)
                .orElse(null);
    }

    @Override
    protected Long addDocumentInternal(Document document) {
        sql.update("INSERT INTO " + table + " (doc) VALUES (?)", (Object) Sql.encode(document));
        return sql.count("SELECT last_insert_rowid()");
    }

    @Override
    protected void handleUpdate(Long position, Document oldDocument, Document newDocument) {
        sql.update("UPDATE " + table + " SET doc = ? WHERE pos = ?", Sql.encode(newDocument), position);
    }

    @Override
    protected void removeDocument(Long position) {
        sql.update("DELETE FROM " + table + " WHERE pos = ?", position);
    }

    /** Finds the position once (a unique index, else a scan), then removes every index entry and the row. */
    @Override
    public void removeDocument(Document document) {
        Long position = null;
        var indexes = indexes();
        for (var index : indexes) {
            if (index.isUnique()) {
                position = index.getPosition(document);
                if (position != null) {
                    break;
                }
            }
        }
        if (position == null) {
            position = findDocumentPosition(document);
        }
        if (position == null) {
            return;
        }
        for (var index : indexes) {
            index.removeEntries(document, position);
        }
        removeDocument(position);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // Derived from the table when asked (collStats); nothing to keep in step.
    }

    @Override
    protected int getDataSize() {
        return (int) Math.min(Integer.MAX_VALUE, sql.count("SELECT coalesce(sum(length(doc)), 0) FROM " + table));
    }

    @Override
    public int count() {
        if (dropped) {
            return 0;
        }
        return (int) sql.count("SELECT count(*) FROM " + table);
    }

    @Override
    public boolean isEmpty() {
        if (dropped) {
            return true;
        }
        return sql.first("SELECT 1 FROM " + table + " LIMIT 1", r -> 1).isEmpty();
    }

    @Override
    public void drop() {
        super.drop();
        dropped = true;
        sql.execute("DROP TABLE IF EXISTS " + table);
        sql.update("DELETE FROM mjs_collection WHERE id = ?", registryId);
    }

    @Override
    public void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        super.renameTo(newDatabase, newCollectionName);
        sql.update("UPDATE mjs_collection SET db = ?, name = ? WHERE id = ?", newDatabase.getDatabaseName(),
                newCollectionName, registryId);
    }
}
