package no.alisportalen.search;

import java.time.Duration;
import java.time.Instant;
import no.alisportalen.base.CoalescingTrigger;
import no.alisportalen.exposure.ApplicantNeedChanged;
import no.alisportalen.position.PositionEvent;
import no.alisportalen.position.PositionIndexing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings Elasticsearch up to date with MongoDB. Every position write marks the position dirty in its own
 * document; this indexer sends dirty positions in bulk and acknowledges the versions Elasticsearch accepted. When
 * Elasticsearch is down, writes still succeed and stay dirty; the indexer retries every two seconds, so
 * everything written meanwhile is searchable within seconds of its return, without anyone acting. At start-up
 * (and after an outage) it reconciles drift: when the index holds fewer documents than MongoDB has searchable
 * positions, it marks everything dirty and re-sends it.
 */
@Component
class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final PositionIndexing positions;
    private final SearchIndex index;
    private final SearchProperties properties;
    private final CoalescingTrigger nudges = new CoalescingTrigger("search-indexer", this::run);
    /** Held while a pass or a need update writes to the index; refreshing happens after it is released. */
    private final java.util.concurrent.locks.ReentrantLock writes = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean reachable;
    private volatile boolean everReachable;
    private volatile boolean reconciled;
    private volatile boolean warmedUp;
    private volatile Instant lastFailureLog = Instant.EPOCH;

    private final IndexGeneration generation;

    SearchIndexer(PositionIndexing positions, SearchIndex index, SearchProperties properties,
            IndexGeneration generation) {
        this.generation = generation;
        this.positions = positions;
        this.index = index;
        this.properties = properties;
    }

    @EventListener
    void on(PositionEvent event) {
        // An unreachable index (the embedded server still booting) is retried by the schedule, not on every
        // write: each attempt is a failed request, and a burst of writes made a burst of them.
        if (reachable) {
            nudges.request();
        }
    }

    /**
     * Serialised with a pass's writes ({@link #writes}): a pass reads the stored needs and writes its documents
     * under that lock, and the needs are stored before this event, so either the pass already wrote the new need
     * or its documents are in the index when this update arrives. The refresh comes after the lock: a publish's
     * pass waiting behind a need update's refresh was ~0.5-0.75 s of its delay under load (issue #14).
     */
    @EventListener
    void on(ApplicantNeedChanged event) {
        try {
            writes.lock();
            try {
                index.updateNeeds(event.needs());
            } finally {
                writes.unlock();
            }
            index.refresh();
            generation.advance();
        } catch (Exception e) {
            // The next full write of each position carries the stored need; nothing is lost but a few minutes.
            log.debug("Need for applicants not sent to the index: {}", e.toString());
        }
    }

    @Scheduled(initialDelay = 500, fixedDelay = 2000)
    void scheduled() {
        run();
    }

    boolean isReachable() {
        return reachable;
    }

    /** One pass: create the index if missing, reconcile once per connection, send every dirty position. */
    int run() {
        int sent = 0;
        boolean refreshed = false;
        boolean advanced = false;
        try {
            writes.lock();
            try {
                if (index.ensureExists() || !reconciled) {
                    if (index.upgradeMapping()) {
                        positions.markAllDirty();
                        index.formatRecorded();
                    }
                    reconcile();
                    if (!warmedUp) {
                        // Once per JVM, so its first publish does not pay for loading the write path.
                        positions.requeueOneIndexable();
                        warmedUp = true;
                    }
                }
                while (true) {
                    var batch = positions.pending(properties.batchSize());
                    if (batch.isEmpty()) {
                        break;
                    }
                    // A short batch is the last: it refreshes in the same request (under load each request
                    // waits its turn on the cores; a publish is one short batch).
                    boolean last = batch.size() < properties.batchSize();
                    var acknowledged = index.write(index.alias(), batch, last);
                    refreshed = last;
                    advanced = last && !acknowledged.isEmpty();
                    if (advanced) {
                        // Searchable now: cached results retire before the store bookkeeping below, which under
                        // load took 20-210 ms of a publish's delay. A position not yet acknowledged is only sent
                        // again.
                        generation.advance();
                    }
                    acknowledged.forEach(positions::acknowledge);
                    sent += acknowledged.size();
                    if (acknowledged.size() < batch.size()) {
                        break; // some failed: the next run retries them
                    }
                }
            } finally {
                writes.unlock();
            }
            if (sent > 0 && !advanced) {
                // Visible now rather than at the next refresh, and cached results of the old state retire.
                if (!refreshed) {
                    index.refresh();
                }
                generation.advance();
            }
            if (!reachable) {
                log.info("Search index reachable; indexing is up to date");
            }
            reachable = true;
            everReachable = true;
        } catch (Exception e) {
            if (!everReachable) {
                // At start-up the embedded server needs a few seconds; that is no reason to warn.
                if (lastFailureLog.equals(Instant.EPOCH)) {
                    log.info("Waiting for the search index to come up; positions are queued meanwhile");
                    lastFailureLog = Instant.now();
                }
            } else if (reachable || Duration.between(lastFailureLog, Instant.now()).toMinutes() >= 1) {
                log.warn("Search index unreachable ({}); positions stay queued and are indexed when it returns",
                        e.toString());
                lastFailureLog = Instant.now();
            }
            reachable = false;
            reconciled = false;
        }
        return sent;
    }

    private void reconcile() throws java.io.IOException {
        long inIndex = index.count();
        long inStore = positions.countIndexable();
        if (inIndex < inStore) {
            log.info("Search index holds {} of {} searchable positions; re-sending all", inIndex, inStore);
            positions.markAllDirty();
        }
        reconciled = true;
    }
}
