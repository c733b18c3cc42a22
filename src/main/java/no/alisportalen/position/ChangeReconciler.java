package no.alisportalen.position;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The backstop for lost hints (a crash between a position write and its queue marker): shortly after start-up
 * and then every ten minutes, one scan finds positions that are still dirty or still have pending feed changes
 * and marks them again. Idempotent, so several instances may run it.
 */
@Component
class ChangeReconciler {

    private static final Logger log = LoggerFactory.getLogger(ChangeReconciler.class);

    private final MongoTemplate mongo;
    private final ChangeQueues queues;

    ChangeReconciler(MongoTemplate mongo, ChangeQueues queues) {
        this.mongo = mongo;
        this.queues = queues;
    }

    @Scheduled(initialDelay = 3_000, fixedDelay = 600_000)
    void reconcile() {
        var collection = mongo.getCollectionName(PositionDocument.class);
        var dirty = ids(Query.query(Criteria.where("indexDirty").ne(false)), collection);
        var feed = ids(Query.query(Criteria.where("pendingFeed.0").exists(true)), collection);
        queues.markAll(ChangeQueues.INDEX, dirty);
        queues.markAll(ChangeQueues.FEED, feed);
        if (!dirty.isEmpty() || !feed.isEmpty()) {
            log.info("Re-queued {} positions for the search index and {} for the change feed", dirty.size(),
                    feed.size());
        }
    }

    private java.util.List<String> ids(Query query, String collection) {
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection).stream().map(d -> String.valueOf(d.get("_id"))).toList();
    }
}
