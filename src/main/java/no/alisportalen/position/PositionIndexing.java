package no.alisportalen.position;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What the search feature needs to keep its index in step with MongoDB, without transactions or change streams.
 * Every write marks its position dirty in the same document update and leaves a hint in a small queue; the
 * indexer takes hinted positions, indexes them and acknowledges the version it indexed. An acknowledgement for
 * an older version is ignored, so a change made while indexing stays dirty and is indexed again. Returns only
 * public data.
 */
@Service
public class PositionIndexing {

    private final PositionRepository repository;
    private final MongoTemplate mongo;
    private final ChangeQueues queues;

    PositionIndexing(PositionRepository repository, MongoTemplate mongo, ChangeQueues queues) {
        this.repository = repository;
        this.mongo = mongo;
        this.queues = queues;
    }

    /** Up to {@code limit} positions with changes the index has not acknowledged. */
    public List<IndexWork> pending(int limit) {
        var markers = queues.markers(ChangeQueues.INDEX, limit);
        if (markers.isEmpty()) {
            return List.of();
        }
        List<IndexWork> work = new ArrayList<>();
        for (var marker : markers) {
            // One lookup per id: the embedded store serves single-id queries from its index.
            var document = repository.findById(marker.positionId()).orElse(null);
            if (document == null) {
                queues.clear(ChangeQueues.INDEX, marker);
            } else {
                work.add(work(document, marker.token()));
            }
        }
        return work;
    }

    /**
     * Marks the work's version as indexed (unless the position changed again meanwhile) and clears its hint.
     * The embedded store uses its id index only for queries on {@code _id} alone (a query on id and version
     * scans every position), so the version is checked on the document read by id. A write landing between
     * that read and the update leaves a fresh hint behind it, so it is indexed all the same.
     */
    public void acknowledge(IndexWork work) {
        var collection = mongo.getCollectionName(PositionDocument.class);
        var byId = Query.query(Criteria.where("_id").is(work.id().value()));
        var current = mongo.findOne(byId, Document.class, collection);
        if (current != null && current.get("version") instanceof Number v && v.longValue() == work.version()) {
            // By collection name: going through the mapped entity would bump @Version.
            mongo.updateFirst(byId, new Update().set("indexedVersion", work.version()).set("indexDirty", false),
                    collection);
        }
        queues.clear(ChangeQueues.INDEX, new ChangeQueues.Marker(work.id().value(), work.token()));
    }

    /** Hands every searchable position (every status but DRAFT) to the consumer in batches, in one pass. */
    public void forEachIndexable(int batchSize, Consumer<List<Position>> consumer) {
        List<Position> batch = new ArrayList<>(batchSize);
        // A bounded cursor batch: without it the embedded store answers with one reply for the whole collection,
        // which the driver refuses above 48 MB (about 40,000 positions).
        var query = Query.query(Criteria.where("status").ne(PositionStatus.DRAFT.name())).cursorBatchSize(batchSize);
        try (var stream = mongo.stream(query, PositionDocument.class)) {
            stream.forEach(d -> {
                batch.add(d.toPosition());
                if (batch.size() == batchSize) {
                    consumer.accept(List.copyOf(batch));
                    batch.clear();
                }
            });
        }
        if (!batch.isEmpty()) {
            consumer.accept(List.copyOf(batch));
        }
    }

    public long countIndexable() {
        return repository.countIndexable();
    }

    /** Positions changed at or after the instant, for catching up a rebuilt index before it goes live. */
    public List<IndexWork> changedSince(Instant since) {
        return mongo.find(Query.query(Criteria.where("updatedAt").gte(since)), PositionDocument.class).stream()
                .map(d -> work(d, "")).toList();
    }

    /**
     * Queues one searchable position for the indexer again, though the index holds it. Sent once at start-up, it
     * takes the whole write path (store mapping, document building, the bulk request, Elasticsearch's indexing,
     * the refresh) through its first, slow run before a publish has to: the JVM's first publish took 3.4-3.9 s
     * to appear in search under load, the next ones 0.8-1.5 s (issue #14). Re-sending the stored version
     * changes nothing in the index.
     *
     * @return whether there was a searchable position to queue
     */
    public boolean requeueOneIndexable() {
        var query = Query.query(Criteria.where("status").ne(PositionStatus.DRAFT.name())).limit(1);
        query.fields().include("_id");
        var document = mongo.findOne(query, Document.class, mongo.getCollectionName(PositionDocument.class));
        if (document == null) {
            return false;
        }
        queues.mark(ChangeQueues.INDEX, String.valueOf(document.get("_id")));
        return true;
    }

    /** Queues every position for the indexer again (after the index lost data). */
    public long markAllDirty() {
        var query = new Query();
        query.fields().include("_id");
        var ids = mongo.find(query, Document.class, mongo.getCollectionName(PositionDocument.class)).stream()
                .map(d -> String.valueOf(d.get("_id"))).toList();
        mongo.updateMulti(new Query(), new Update().set("indexDirty", true),
                mongo.getCollectionName(PositionDocument.class));
        queues.markAll(ChangeQueues.INDEX, ids);
        return ids.size();
    }

    private static IndexWork work(PositionDocument d, String token) {
        var id = new PositionId(d.id());
        return new IndexWork(id, d.currentVersion(), d.status() == PositionStatus.DRAFT
                ? Optional.empty() : Optional.of(d.toPosition()), token);
    }
}
