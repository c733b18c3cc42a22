package no.alisportalen.infrastructure.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.alisportalen.infrastructure.embedded.SqliteStore.StoreException;

/** Small statements on the connection bound to this thread, and documents as BSON (the wire's own codec). */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final SqliteStore store;
    private final java.util.Map<java.sql.Connection, StatementCache> statements =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The most recently used statements of one connection; older ones are closed (dropped tables' among them). */
    private static final class StatementCache extends java.util.LinkedHashMap<String, PreparedStatement> {
        StatementCache() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= 512) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException e) {
                // Closing a statement we no longer use cannot lose data.
            }
            return true;
        }
    }

    Sql(SqliteStore store) {
        this.store = store;
    }

    SqliteStore store() {
        return store;
    }

    int update(String sql, Object... parameters) {
        try {
            return prepare(sql, parameters).executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    void execute(String sql) {
        try (var statement = store.connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        try (var result = prepare(sql, parameters).executeQuery()) {
            List<T> values = new ArrayList<>();
            while (result.next()) {
                values.add(row.map(result));
            }
            return values;
        } catch (SQLException e) {
            if (notYetCommitted(e)) {
                return List.of();
            }
            throw failure(sql, e);
        }
    }

    <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        try (var result = prepare(sql, parameters).executeQuery()) {
            return result.next() ? Optional.of(row.map(result)) : Optional.empty();
        } catch (SQLException e) {
            if (notYetCommitted(e)) {
                return Optional.empty();
            }
            throw failure(sql, e);
        }
    }

    /**
     * A reader can meet a collection whose creating write has not committed yet: the backend knows it as soon as
     * the write makes it, the reader's snapshot has no table. In that snapshot the collection is empty, which is
     * what the read answers (the writer itself always sees its own tables).
     */
    private boolean notYetCommitted(SQLException e) {
        return !store.inWrite() && e.getErrorCode() == 1 && e.getMessage() != null
                && e.getMessage().contains("no such table");
    }

    long count(String sql, Object... parameters) {
        return first(sql, r -> r.getLong(1), parameters).orElse(0L);
    }

    /**
     * A prepared statement from the connection's cache: preparing showed up in profiles of saves. A connection
     * is used by one thread at a time, and every caller consumes and closes its result before the next use.
     */
    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        var connection = store.connection();
        var cache = statements.computeIfAbsent(connection, c -> new StatementCache());
        var statement = cache.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            cache.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    static boolean isConstraintViolation(StoreException e) {
        return e.getCause() instanceof SQLException sql && sql.getErrorCode() == 19;
    }

    private static StoreException failure(String sql, SQLException e) {
        return new StoreException("Store statement failed [" + sql + "]", e);
    }

    static byte[] encode(Document document) {
        var buffer = ByteBufAllocator.DEFAULT.heapBuffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }
}
