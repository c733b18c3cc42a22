package no.alisportalen.search;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A number that moves on whenever the search index changed in a way searches can see (written and refreshed,
 * needs updated, rebuilt), so cached results of an older generation are never served. A node advances it after
 * its own writes at once; other nodes' writes reach it through a shared counter in the store, read every 250 ms.
 */
@Component
class IndexGeneration {

    private static final Logger log = LoggerFactory.getLogger(IndexGeneration.class);
    private static final String COLLECTION = "search_generation";

    private final MongoTemplate mongo;
    private final AtomicLong local = new AtomicLong();
    private volatile long shared = Long.MIN_VALUE;

    IndexGeneration(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long current() {
        return local.get();
    }

    /** Call after the change is visible to searches (after a refresh). */
    void advance() {
        local.incrementAndGet();
        try {
            var after = mongo.getCollection(COLLECTION).findOneAndUpdate(Filters.eq("_id", "positions"),
                    Updates.inc("value", 1L), new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true)
                            .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
            if (after != null && after.get("value") instanceof Number n) {
                shared = n.longValue();
            }
        } catch (RuntimeException e) {
            // This node's cache moved on; other nodes' caches expire by their own bound until the store is back.
            log.debug("Shared search generation not advanced: {}", e.toString());
        }
    }

    /** Another node's writes: when the shared counter moved, this node's generation moves too. */
    @Scheduled(initialDelay = 1000, fixedDelay = 250)
    void poll() {
        try {
            var document = mongo.getCollection(COLLECTION).find(Filters.eq("_id", "positions")).first();
            long value = document != null && document.get("value") instanceof Number n ? n.longValue() : 0;
            if (value != shared) {
                shared = value;
                local.incrementAndGet();
            }
        } catch (RuntimeException e) {
            log.debug("Shared search generation not read: {}", e.toString());
        }
    }
}
