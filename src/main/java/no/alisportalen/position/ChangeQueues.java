package no.alisportalen.position;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Small queue collections of hints, "this position has work for the indexer / the feed sequencer", so those
 * consumers read a handful of markers instead of scanning every position (the embedded store answers a query
 * on a non-unique field by scanning the whole collection, which made throughput fall with the number of
 * positions). The truth stays in the position document (its dirty flag and pending feed changes, written in
 * the same update as the change); a lost hint is found again by {@link ChangeReconciler}. A marker is removed
 * only with the token its reader saw, so a write that re-marks the position meanwhile is never lost.
 */
@Component
class ChangeQueues {

    static final String INDEX = "position_index_queue";
    static final String FEED = "position_feed_queue";

    /** Spring Data stores ObjectId-shaped ids as ObjectIds, also here; {@code String.valueOf} reads both forms. */
    record Marker(String positionId, String token) {}

    private final MongoTemplate mongo;

    ChangeQueues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void mark(String queue, String positionId) {
        mark(queue, positionId, java.time.Instant.now());
    }

    /** @param since when the oldest change this marker stands for was made (the lag meters read it) */
    private void mark(String queue, String positionId, java.time.Instant since) {
        mongo.upsert(Query.query(Criteria.where("_id").is(positionId)),
                Update.update("token", UUID.randomUUID().toString()).setOnInsert("since", java.util.Date.from(since)),
                queue);
    }

    /** When the oldest waiting change in the queue was made, if any waits. */
    java.util.Optional<java.time.Instant> oldest(String queue) {
        var query = new Query().with(org.springframework.data.domain.Sort.by("since")).limit(1);
        query.fields().include("since");
        return java.util.Optional.ofNullable(mongo.findOne(query, Document.class, queue))
                .map(d -> d.getDate("since")).map(java.util.Date::toInstant);
    }

    void markAll(String queue, Collection<String> positionIds) {
        positionIds.forEach(id -> mark(queue, id));
    }

    List<Marker> markers(String queue, int limit) {
        return mongo.find(new Query().limit(limit), Document.class, queue).stream()
                .map(d -> new Marker(String.valueOf(d.get("_id")), d.getString("token"))).toList();
    }

    /**
     * Removes the marker by id (the only query the embedded store answers from an index) and puts it back when
     * it carried a newer token than the reader saw: a write re-marked the position meanwhile.
     */
    void clear(String queue, Marker marker) {
        var removed = mongo.findAndRemove(Query.query(Criteria.where("_id").is(marker.positionId())), Document.class,
                queue);
        if (removed != null && !marker.token().equals(removed.getString("token"))) {
            var since = removed.getDate("since");
            mark(queue, marker.positionId(), since != null ? since.toInstant() : java.time.Instant.now());
        }
    }

    long size(String queue) {
        return mongo.getCollection(queue).estimatedDocumentCount();
    }
}
