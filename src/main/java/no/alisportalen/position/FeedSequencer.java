package no.alisportalen.position;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import net.javacrumbs.shedlock.core.LockConfiguration;
import no.alisportalen.base.CoalescingTrigger;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves pending changes from position documents into the ordered feed. Exactly one sequencer runs at a time
 * across all instances (a ShedLock lease), and it appends entries one by one with increasing sequence numbers,
 * so a reader that has seen entry N has seen everything before it: polling with a cursor never skips a change.
 * A change is removed from its position only after its entry is stored; a crash in between re-sequences it,
 * which the unique change id turns into a no-op.
 */
@Component
class FeedSequencer {

    private static final Logger log = LoggerFactory.getLogger(FeedSequencer.class);
    private static final String COUNTERS = "position_feed_counter";
    private static final String COUNTER = "position-feed";

    private final PositionRepository positions;
    private final MongoTemplate mongo;
    private final LockingTaskExecutor locks;
    private final ChangeQueues queues;
    private final CoalescingTrigger nudges = new CoalescingTrigger("feed-sequencer", this::drain);

    FeedSequencer(PositionRepository positions, MongoTemplate mongo, LockingTaskExecutor locks, ChangeQueues queues) {
        this.queues = queues;
        this.positions = positions;
        this.mongo = mongo;
        this.locks = locks;
    }

    /** Sequence soon, without waiting for the next scheduled run; calls coalesce. */
    void nudge() {
        nudges.request();
    }

    /** The backstop for lost nudges, other instances' writes and restarts. */
    @Scheduled(initialDelay = 1000, fixedDelay = 2000)
    void scheduled() {
        drain();
    }

    synchronized void drain() {
        // While a history is written (the demo), changes wait: the writers would otherwise queue behind the
        // sequencer for the store. The backstop run sequences them, in their order, once the history is written.
        if (no.alisportalen.base.Backdating.inProgress()) {
            return;
        }
        try {
            locks.executeWithLock((Runnable) this::sequencePending,
                    new LockConfiguration(Instant.now(), "position-feed", Duration.ofMinutes(2), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Feed sequencing failed; retrying on the next run: {}", e.toString());
        }
    }

    private void sequencePending() {
        var markers = queues.markers(ChangeQueues.FEED, 1000);
        if (markers.isEmpty()) {
            return;
        }
        var pending = markers.stream().map(m -> positions.findById(m.positionId())).flatMap(java.util.Optional::stream)
                .flatMap(p -> p.pendingFeed().stream().map(c -> new Object[] {p.id(), c}))
                .sorted(Comparator.comparing((Object[] o) -> ((PositionDocument.PendingChange) o[1]).at())
                        .thenComparing(o -> ((PositionDocument.PendingChange) o[1]).changeId()))
                .toList();
        long next = counter() + 1;
        for (var item : pending) {
            var positionId = (String) item[0];
            var change = (PositionDocument.PendingChange) item[1];
            // Insert first and ask only when the unique indexes refuse: a change is nearly always new, and
            // asking before every insert (and again after it) was two of the four round trips per change.
            while (true) {
                try {
                    mongo.insert(new FeedEntryDocument(next, change.changeId(), change.changeType(), change.at(),
                            change.snapshot()));
                    next++;
                    break;
                } catch (DuplicateKeyException e) {
                    if (sequenced(change)) {
                        break; // sequenced by a run that died before clearing it
                    }
                    // The counter lags behind the feed after such a run: take the slow maximum once.
                    next = lastSequence() + 1;
                }
            }
            // By collection name, not entity class: Spring Data would bump @Version and fail the owner's next save.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(positionId)),
                    new Update().pull("pendingFeed", new Document("changeId", change.changeId())),
                    mongo.getCollectionName(PositionDocument.class));
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(COUNTER)), Update.update("value", next - 1), COUNTERS);
        markers.forEach(m -> queues.clear(ChangeQueues.FEED, m));
    }

    private boolean sequenced(PositionDocument.PendingChange change) {
        return mongo.exists(Query.query(Criteria.where("changeId").is(change.changeId())), FeedEntryDocument.class);
    }

    /** The last sequence handed out, kept in one small document: reading the feed's maximum is a full scan here. */
    private long counter() {
        var counter = mongo.findOne(Query.query(Criteria.where("_id").is(COUNTER)), Document.class, COUNTERS);
        return counter == null ? lastSequence() : ((Number) counter.get("value")).longValue();
    }

    long lastSequence() {
        var last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), FeedEntryDocument.class);
        return last == null ? 0 : last.sequence();
    }
}
