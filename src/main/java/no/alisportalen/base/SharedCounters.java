package no.alisportalen.base;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counters over a time window, kept in the store so every portal node counts the same attempts (login and
 * registration throttling). A window starts at a key's first count and ends {@code window} later; each count is
 * one atomic store update, so concurrent attempts on any node are counted exactly.
 */
@Component
public class SharedCounters {

    static final String COLLECTION = "throttle_counters";

    /** A key's count in its current window, and when that window ends. */
    public record Count(long value, Instant windowEnds) {

        public Duration remaining(Instant now) {
            var left = Duration.between(now, windowEnds);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    SharedCounters(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Adds one to the key's count in its current window (a new window when the last one ended). */
    public Count increment(String key, Duration window) {
        for (int attempt = 0; ; attempt++) {
            var now = clock.instant();
            try {
                var live = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(key).and("windowEnds").gt(Date.from(now))),
                        new Update().inc("count", 1L).setOnInsert("windowEnds", Date.from(now.plus(window))),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
                return count(live);
            } catch (DuplicateKeyException e) {
                // The key's window has ended: start a new one, unless another node just did.
                var restarted = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(key).and("windowEnds").lte(Date.from(now))),
                        new Update().set("count", 1L).set("windowEnds", Date.from(now.plus(window))),
                        FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
                if (restarted != null) {
                    return count(restarted);
                }
                if (attempt > 3) {
                    throw e;
                }
            }
        }
    }

    /** Takes back one count (an attempt that turned out not to count), never below zero. */
    public void decrement(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("count").gt(0)), new Update().inc("count", -1L),
                COLLECTION);
    }

    /** Forgets the key's window. */
    public void reset(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
    }

    /** Ended windows are only clutter. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purge() {
        mongo.remove(Query.query(Criteria.where("windowEnds").lt(Date.from(clock.instant()))), COLLECTION);
    }

    private static Count count(Document document) {
        return new Count(((Number) document.get("count")).longValue(), document.getDate("windowEnds").toInstant());
    }
}
