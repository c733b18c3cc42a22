package no.alisportalen.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import no.alisportalen.base.ConflictException;
import no.alisportalen.infrastructure.embedded.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded store into {@code <data-dir>/backups}: on a schedule and on demand, keeping the
 * newest {@code portal.store.backup.keep}. Each is a complete SQLite file, consistent as of one commit, taken
 * while the portal keeps writing. With an external MongoDB there is nothing to back up here ({@link #available}
 * is false): that is mongodump's or the platform's job.
 */
@Service
public class StoreBackups {

    private static final Logger log = LoggerFactory.getLogger(StoreBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'portal-'yyyyMMdd'T'HHmmssSSS'Z.sqlite'")
            .withZone(ZoneOffset.UTC);

    /** One backup file. */
    public record Backup(String name, Instant createdAt, long sizeBytes) {}

    private final Optional<EmbeddedMongo> store;
    private final Path dir;
    private final StoreProperties.Backup settings;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    StoreBackups(ObjectProvider<EmbeddedMongo> store, StorageProperties storage, StoreProperties properties,
            ObjectProvider<Clock> clock, TaskScheduler scheduler) {
        this.store = Optional.ofNullable(store.getIfAvailable());
        this.dir = storage.absoluteDataDir().resolve("backups");
        this.settings = properties.backup();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        if (this.store.isPresent() && settings.enabled()) {
            scheduler.scheduleWithFixedDelay(this::scheduled, Instant.now().plus(settings.interval()),
                    settings.interval());
        }
    }

    public boolean available() {
        return store.isPresent();
    }

    public Path directory() {
        return dir;
    }

    /**
     * Takes a backup now (one at a time), then deletes all but the newest {@code keep}.
     *
     * @throws ConflictException when the portal runs on an external MongoDB
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Backup create() {
        return backup();
    }

    /** Backups on disk, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Backup> list() {
        return backups();
    }

    private Backup backup() {
        var mongo = store.orElseThrow(() -> new ConflictException("conflict.backup.external"));
        running.lock();
        try {
            long started = System.nanoTime();
            var target = dir.resolve(NAME.format(Instant.now(clock)));
            mongo.backupTo(target);
            var backup = describe(target);
            log.info("Backup of the store written to {} ({} bytes, {} ms)", target, backup.sizeBytes(),
                    (System.nanoTime() - started) / 1_000_000);
            prune();
            return backup;
        } finally {
            running.unlock();
        }
    }

    private List<Backup> backups() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("portal-.*Z\\.sqlite"))
                    .flatMap(f -> listed(f).stream())
                    .sorted(Comparator.comparing(Backup::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scheduled() {
        try {
            backup();
        } catch (RuntimeException e) {
            log.error("Scheduled backup of the store failed", e);
        }
    }

    private void prune() {
        var backups = backups();
        for (var old : backups.subList(Math.min(settings.keep(), backups.size()), backups.size())) {
            try {
                Files.deleteIfExists(dir.resolve(old.name()));
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}", old.name(), e);
            }
        }
    }

    /** Empty when a running backup pruned the file between listing the directory and reading its size. */
    private static Optional<Backup> listed(Path file) {
        try {
            return Optional.of(describe(file));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant(),
                    Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
