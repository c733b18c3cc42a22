package no.alisportalen.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import no.alisportalen.infrastructure.embedded.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Without Spring: the schedule runs, only the newest {@code keep} backups stay, and listing never races pruning. */
class StoreBackupsTest {

    @TempDir
    Path dir;

    @Test
    void scheduled_backups_run_and_only_the_newest_are_kept() {
        var scheduler = new ThreadPoolTaskScheduler();
        // shutdown() below must wait for a running backup: it writes its file before pruning the oldest.
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(30);
        scheduler.initialize();
        var clock = new java.util.concurrent.atomic.AtomicLong(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
        var ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(clock.addAndGet(1_000));
            }
        };
        try (var store = EmbeddedMongo.acquire(dir.resolve("store").resolve(EmbeddedMongo.FILE_NAME))) {
            var beans = new StaticListableBeanFactory();
            beans.addBean("store", store);
            beans.addBean("clock", ticking);
            var backups = new StoreBackups(beans.getBeanProvider(EmbeddedMongo.class), new StorageProperties(dir),
                    new StoreProperties(StoreProperties.Sync.FULL,
                            new StoreProperties.Backup(true, Duration.ofMillis(50), 3)),
                    beans.getBeanProvider(Clock.class), scheduler);
            // Listing while backups are written and pruned: a file pruned between listing and reading its size
            // is left out, never an error (CI once failed here with NoSuchFileException).
            var listings = 0;
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (clock.get() < Instant.parse("2027-01-01T00:00:40Z").toEpochMilli()) {
                assertThat(System.nanoTime()).as("forty backups within 30 s").isLessThan(deadline);
                assertThat(backups.list()).hasSizeLessThanOrEqualTo(4);
                listings++;
            }
            assertThat(listings).isPositive();
            scheduler.shutdown();
            var kept = backups.list();
            assertThat(kept).hasSize(3);
            assertThat(kept.getFirst().name()).isGreaterThan(kept.getLast().name());
        } finally {
            scheduler.shutdown();
        }
    }
}
