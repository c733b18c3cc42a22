package no.alisportalen.search;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.alisportalen.position.PositionIndexing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from MongoDB with zero downtime: fill a new versioned index while searches keep using the
 * old one, catch up on positions changed meanwhile, switch the alias atomically, then catch up once more for
 * changes the live indexer sent to the old index during the switch. External versions make every catch-up
 * idempotent.
 */
@Component
class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    private final PositionIndexing positions;
    private final SearchIndex index;
    private final SearchProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("search-reindex").factory());
    private volatile ReindexStatus status = ReindexStatus.idle();

    private final IndexGeneration generation;

    Reindexer(PositionIndexing positions, SearchIndex index, SearchProperties properties, Clock clock,
            IndexGeneration generation) {
        this.generation = generation;
        this.positions = positions;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
    }

    ReindexStatus status() {
        return status;
    }

    /** Starts a rebuild unless one is running; returns the status right after starting. */
    synchronized ReindexStatus start() {
        if (status.running()) {
            return status;
        }
        status = new ReindexStatus(true, positions.countIndexable(), 0, null, Instant.now(clock), null, null);
        worker.submit(this::rebuild);
        return status;
    }

    private void rebuild() {
        var started = status.startedAt();
        try {
            var target = index.createIndexForBuilding();
            status = new ReindexStatus(true, status.total(), 0, target, started, null, null);
            var done = new java.util.concurrent.atomic.AtomicLong();
            positions.forEachIndexable(properties.batchSize(), batch -> {
                try {
                    index.writePositions(target, batch);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                long count = done.addAndGet(batch.size());
                status = new ReindexStatus(true, Math.max(status.total(), count), count, target, started, null, null);
            });
            var catchUp = Instant.now(clock);
            index.write(target, positions.changedSince(started));
            index.finishBuilding(target); // refreshing again, and complete before it goes live
            index.swapTo(target);
            index.write(index.alias(), positions.changedSince(catchUp));
            index.refresh();
            generation.advance();
            status = new ReindexStatus(false, done.get(), done.get(), target, started, Instant.now(clock), null);
            log.info("Rebuilt search index {} with {} positions in {} ms", target, done.get(),
                    Instant.now(clock).toEpochMilli() - started.toEpochMilli());
        } catch (Exception e) {
            log.error("Rebuilding the search index failed; the previous index stays live", e);
            status = new ReindexStatus(false, status.total(), status.done(), status.index(), started,
                    Instant.now(clock), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
