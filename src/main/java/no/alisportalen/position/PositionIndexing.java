package no.alisportalen.position;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What the search feature needs to keep its index in step with MongoDB, without transactions or change streams:
 * every write marks its position dirty; the indexer takes dirty positions, indexes them and acknowledges the
 * version it indexed. An acknowledgement for an older version is ignored, so a change made while indexing
 * stays dirty and is indexed again. Returns only public data.
 */
@Service
public class PositionIndexing {

    private final PositionRepository repository;
    private final MongoTemplate mongo;

    PositionIndexing(PositionRepository repository, MongoTemplate mongo) {
        this.repository = repository;
        this.mongo = mongo;
    }

    /** Up to {@code limit} positions whose current version the index has not acknowledged. */
    public List<IndexWork> pending(int limit) {
        return repository.findIndexDirty(PageRequest.of(0, limit, Sort.by("_id"))).stream().map(PositionIndexing::work)
                .toList();
    }

    /** Marks the version as indexed, unless the position changed again meanwhile. */
    public boolean acknowledge(PositionId id, long version) {
        // By collection name: going through the mapped entity would bump @Version.
        var result = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id.value()).and("version").is(version)),
                new Update().set("indexedVersion", version).set("indexDirty", false),
                mongo.getCollectionName(PositionDocument.class));
        return result.getModifiedCount() > 0 || result.getMatchedCount() > 0;
    }

    /** Everything searchable (every status but DRAFT), a page at a time in id order, for full rebuilds. */
    public List<Position> indexable(int page, int size) {
        return repository.findIndexable(PageRequest.of(page, size, Sort.by("_id"))).stream()
                .map(d -> d.toPosition().withoutApplicationCount()).toList();
    }

    public long countIndexable() {
        return repository.countIndexable();
    }

    /** Positions changed at or after the instant, for catching up a rebuilt index before it goes live. */
    public List<IndexWork> changedSince(Instant since) {
        return mongo.find(Query.query(Criteria.where("updatedAt").gte(since)), PositionDocument.class).stream()
                .map(PositionIndexing::work).toList();
    }

    /** Marks every position dirty, so the indexer re-sends all of them (after the index lost data). */
    public long markAllDirty() {
        return mongo.updateMulti(new Query(), new Update().set("indexDirty", true),
                mongo.getCollectionName(PositionDocument.class)).getModifiedCount();
    }

    private static IndexWork work(PositionDocument d) {
        var id = new PositionId(d.id());
        return new IndexWork(id, d.currentVersion(), d.status() == PositionStatus.DRAFT
                ? java.util.Optional.empty() : java.util.Optional.of(d.toPosition().withoutApplicationCount()));
    }
}
