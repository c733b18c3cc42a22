package no.alisportalen.infrastructure.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file in WAL mode: one writer connection behind a lock, so write commands are serial and each is one
 * transaction committed before its reply, and a small pool of reader connections that see the last commit.
 * Code that touches the file runs inside {@link #write} or {@link #read}, which bind the right connection to
 * the calling thread; the backend's classes get it from {@link #connection()}.
 */
final class SqliteStore implements AutoCloseable {

    /** {@code FULL} syncs the WAL on every commit (survives power loss); {@code NORMAL} survives a process crash. */
    enum Sync { FULL, NORMAL }

    private static final int READERS = 8;
    private static final ThreadLocal<@Nullable Connection> BOUND = new ThreadLocal<>();

    private final Path file;
    private final Sync sync;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();

    SqliteStore(Path file, Sync sync) {
        this.file = file;
        this.sync = sync;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.writer = open();
            try (var statement = writer.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
            }
            writer.setAutoCommit(false);
            for (int i = 0; i < READERS; i++) {
                var reader = open();
                // One read transaction per read command: every statement of a command sees the same snapshot.
                reader.setAutoCommit(false);
                allReaders.add(reader);
                idleReaders.add(reader);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot open the store " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Connection open() throws SQLException {
        var config = new SQLiteConfig();
        config.setSynchronous(sync == Sync.FULL ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // Larger page cache per connection: index lookups and document pages stay in memory.
        config.setCacheSize(-16_384);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    Path file() {
        return file;
    }

    /** The connection bound to this thread by {@link #write} or {@link #read}. */
    Connection connection() {
        var connection = BOUND.get();
        if (connection == null) {
            throw new IllegalStateException("No store connection bound to " + Thread.currentThread().getName());
        }
        return connection;
    }

    boolean inWrite() {
        return writeLock.isHeldByCurrentThread();
    }

    /**
     * Runs {@code work} as one transaction, committed before this returns; nested calls join the outer one.
     * Anything thrown rolls the whole transaction back.
     */
    <T> T write(Supplier<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return work.get();
        }
        writeLock.lock();
        var previous = BOUND.get();
        BOUND.set(writer);
        try {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            }
            writer.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("Commit failed", e);
        } finally {
            BOUND.set(previous);
            writeLock.unlock();
        }
    }

    void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} on a reader connection (or the connection this thread already has). */
    <T> T read(Supplier<T> work) {
        if (BOUND.get() != null) {
            return work.get();
        }
        Connection reader;
        try {
            reader = idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a store connection", e);
        }
        BOUND.set(reader);
        try {
            return work.get();
        } finally {
            BOUND.remove();
            try {
                reader.commit();
            } catch (SQLException e) {
                // Ending a read transaction cannot lose data; the connection is still usable.
            }
            idleReaders.add(reader);
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            throw new StoreException("Rollback failed", e);
        }
    }

    /**
     * A consistent copy of the whole store into {@code target}, taken while writes go on (a reader's snapshot).
     * Written under a temporary name and moved into place, so a crash never leaves a partial file with the
     * final name.
     */
    void backupTo(Path target) {
        var partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.deleteIfExists(partial);
            // Its own connection in auto-commit mode: VACUUM INTO refuses to run inside a transaction.
            try (var connection = open(); var statement = connection.prepareStatement("VACUUM INTO ?")) {
                statement.setString(1, partial.toAbsolutePath().toString());
                statement.execute();
            } catch (SQLException e) {
                throw new StoreException("Backup to " + target + " failed", e);
            }
            try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Backup to " + target + " failed", e);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (var reader : allReaders) {
                reader.close();
            }
            // A clean close checkpoints the WAL into the main file.
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("Closing the store failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** A failure of the storage engine itself (not of a query): surfaces as a server error to the client. */
    static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
