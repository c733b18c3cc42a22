package no.alisportalen.position;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.alisportalen.municipality.MunicipalityService;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * For benchmarks only: stores many published positions at once, as the write path would leave them (dirty, with
 * an index hint each), so the real indexer then brings them into Elasticsearch. Skips the per-position
 * service round trips, the audit detail and the feed, which a bulk load does not need.
 */
public final class BenchmarkLoader {

    private BenchmarkLoader() {}

    public static void publishAll(MongoTemplate mongo, MunicipalityService municipalities, List<PositionData> data,
            Clock clock) {
        publishAll(mongo, municipalities, data, clock, false);
    }

    /**
     * @param withFeed also leave each publication as a pending feed change with its hint, exactly as
     *     {@code PositionService.publish} does, so the real feed sequencer and everything downstream (alerts)
     *     handle them
     */
    public static void publishAll(MongoTemplate mongo, MunicipalityService municipalities, List<PositionData> data,
            Clock clock, boolean withFeed) {
        var now = Instant.now(clock);
        List<PositionDocument> documents = new ArrayList<>(data.size());
        List<String> ids = new ArrayList<>(data.size());
        for (var d : data) {
            var m = municipalities.find(d.municipalityNumber()).orElseThrow();
            var clean = d.withDescriptionAndLocation(DescriptionSanitizer.clean(d.description()), m.location());
            var id = new ObjectId().toHexString();
            ids.add(id);
            var snapshot = new Position(new PositionId(id), 1L, PositionStatus.PUBLISHED, clean, m.name(),
                    m.countyName(), m.region(), m.centrality(), now, now, null);
            var pending = withFeed ? List.of(new PositionDocument.PendingChange(id + ":1", FeedChangeType.PUBLISHED,
                    now, snapshot)) : List.<PositionDocument.PendingChange>of();
            documents.add(new PositionDocument(id, 1L, PositionStatus.PUBLISHED, clean, m.name(), m.countyName(),
                    m.region(), m.centrality(), now, now, now,
                    List.of(new AuditEntry(now, "benchmark", "PUBLISHED", List.of())), pending, 0, true));
        }
        mongo.insertAll(documents);
        var queue = new ArrayList<org.bson.Document>(ids.size());
        ids.forEach(id -> queue.add(new org.bson.Document("_id", new ObjectId(id)).append("token", "benchmark")));
        mongo.getCollection(ChangeQueues.INDEX).insertMany(queue);
        if (withFeed) {
            var feed = new ArrayList<org.bson.Document>(ids.size());
            ids.forEach(id -> feed.add(new org.bson.Document("_id", new ObjectId(id)).append("token", "benchmark")));
            mongo.getCollection(ChangeQueues.FEED).insertMany(feed);
        }
    }
}
