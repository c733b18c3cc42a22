package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mongo-java-server's backend on {@link SqliteStore}: every command that can write runs as one SQLite transaction
 * under the store's write lock and is committed before its reply leaves; every other command reads the last
 * commit on a reader connection, in parallel with writes.
 */
final class SqliteBackend extends AbstractMongoBackend {

    /** Commands that never write (lower case). Anything not listed is treated as a write. */
    private static final Set<String> READS = Set.of("find", "count", "distinct", "listcollections", "listindexes",
            "getmore", "killcursors", "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "serverstatus",
            "dbstats", "collstats", "validate", "getlasterror", "getlog", "getparameter", "getcmdlineopts",
            "hostinfo", "listdatabases", "connectionstatus", "endsessions", "explain", "getfreemonitoringstatus");

    private final SqliteStore store;
    private final Sql sql;
    private final Map<String, MongoDatabase> open = new ConcurrentHashMap<>();
    /** Queries with a filter that no index served: what the store test asserts stays zero for indexed queries. */
    private final java.util.concurrent.atomic.LongAdder scans = new java.util.concurrent.atomic.LongAdder();

    SqliteBackend(SqliteStore store) {
        this.store = store;
        this.sql = new Sql(store);
        store.write(() -> {
            SqliteDatabase.createRegistry(sql);
            SqliteDatabase.databaseNames(sql).forEach(this::resolveDatabase);
        });
    }

    SqliteStore store() {
        return store;
    }

    long scans() {
        return scans.sum();
    }

    void scanned() {
        scans.increment();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new SqliteDatabase(databaseName, getCursorRegistry(), sql, this);
    }

    /** Opening a database may create its tables: done once, under the write lock, never inside a map's lock. */
    @Override
    public MongoDatabase resolveDatabase(String databaseName) {
        var database = open.get(databaseName);
        if (database != null) {
            return database;
        }
        return store.write(() -> open.computeIfAbsent(databaseName, super::resolveDatabase));
    }

    @Override
    public void dropDatabase(String databaseName) {
        store.write(() -> {
            open.remove(databaseName);
            super.dropDatabase(databaseName);
        });
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        var narrowing = leadingMatch(databaseName, command, query);
        try {
            if (narrowing != null) {
                SqliteCollection.narrowNextScan(narrowing);
            }
            Document response = isRead(command, query)
                    ? store.read(() -> super.handleCommand(channel, databaseName, command, query))
                    : writeCommand(channel, databaseName, command, query);
            return command.equalsIgnoreCase("find") || command.equalsIgnoreCase("aggregate")
                    ? ReplyBatches.bounded(response, getCursorRegistry()) : response;
        } finally {
            SqliteCollection.clearNarrowing();
        }
    }

    /**
     * A write command as one transaction. A command that ends in a MongoDB server error (duplicate key, namespace
     * not found, …) keeps what it did, as MongoDB does without transactions — mongo-java-server checks before it
     * changes a document, so a failed single-document write changed nothing — and its transaction commits:
     * rolling it back would also undo a database or collection the command created on the way, which the
     * backend's objects would then still name. Anything else (a failure of the store itself) rolls back.
     */
    private Document writeCommand(Channel channel, String databaseName, String command, Document query) {
        var failure = new de.bwaldvogel.mongo.exception.MongoServerException[1];
        var response = store.write(() -> {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } catch (de.bwaldvogel.mongo.exception.MongoServerException e) {
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return response;
    }

    /**
     * mongo-java-server runs an aggregation over the whole collection and applies {@code $match} in memory; a
     * leading {@code $match} is handed to the collection instead, so an index can serve it. The stage still runs
     * afterwards, so this only ever narrows to a superset of what it keeps.
     */
    private static SqliteCollection.@org.jspecify.annotations.Nullable Narrowing leadingMatch(String database,
            String command, Document query) {
        if (!command.equalsIgnoreCase("aggregate") || !(query.get(command) instanceof String collection)
                || !(query.get("pipeline") instanceof java.util.List<?> stages) || stages.isEmpty()
                || !(stages.getFirst() instanceof Document first) || !(first.get("$match") instanceof Document match)) {
            return null;
        }
        return new SqliteCollection.Narrowing(database + "." + collection, match);
    }

    @Override
    protected Document handleGetMore(String databaseName, String command, Document query) {
        long cursorId = ((Number) query.get(command)).longValue();
        int batchSize = query.get("batchSize") instanceof Number n ? n.intValue() : 0;
        var cursor = getCursorRegistry().getCursor(cursorId);
        return ReplyBatches.nextBatch(databaseName + "." + query.get("collection"), cursor, batchSize,
                getCursorRegistry());
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return store.read(() -> super.handleQuery(query));
    }

    static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !(query.get("pipeline") instanceof Collection<?> stages) || stages.stream()
                    .noneMatch(s -> s instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return READS.contains(name);
    }

    @Override
    public void close() {
        super.close();
        open.clear();
    }
}
