package no.alisportalen.exposure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import no.alisportalen.position.ExposureCounts;
import no.alisportalen.position.PositionId;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts impressions, views and apply clicks. A look is counted once per viewer, position and kind within the
 * dedup window (in memory; the viewer's hash is never written). Counts gather in memory and a node writes them
 * every few seconds as one {@code $inc} per position and day plus one per position's total, so a busy search page
 * costs no store write per request; several nodes add up because increments commute. A crash loses at most the
 * last interval's counts — statistics, not anyone's acknowledged write (DD017).
 */
@Service
public class ExposureService implements ExposureCounts {

    static final String DAILY = "exposure_daily";
    static final String TOTALS = "exposure_totals";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Logger log = LoggerFactory.getLogger(ExposureService.class);

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private record Bucket(String positionId, LocalDate day) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    /**
     * What one entry of the visitor tables is weighed as, beyond its key's characters: Caffeine's node, the map's
     * node and slot, the String and its array (about 100 bytes on a 64-bit JVM with compressed pointers; rounded
     * up so the bound errs on the safe side).
     */
    static final int ENTRY_BYTES = 128;
    static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    private final Cache<String, Boolean> seen;
    /** Per client address (hashed): the distinct visitors it counted as in its current hour, in arrival order. */
    private final Cache<String, String[]> addresses;
    private final int perAddress;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile ConcurrentHashMap<Bucket, AtomicLongArray> pending = new ConcurrentHashMap<>();
    private final Map<ExposureKind, Counter> counted = new EnumMap<>(ExposureKind.class);
    private final Counter repeated;

    ExposureService(MongoTemplate mongo, Clock clock, ExposureProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        // Maintenance inline, as for the search result cache: a search records 20 impressions at once.
        var memory = properties.visitorMemory().toBytes();
        this.perAddress = properties.visitorsPerAddress();
        this.seen = Caffeine.newBuilder().expireAfterWrite(properties.dedupWindow())
                .maximumWeight(memory - memory / 4).weigher((String key, Boolean v) -> ENTRY_BYTES + key.length())
                .executor(Runnable::run).build();
        // A fixed hour from an address's first visitor: the slots are filled in place, never written again.
        this.addresses = Caffeine.newBuilder().expireAfterWrite(ADDRESS_WINDOW).maximumWeight(memory / 4)
                .weigher((String address, String[] slots) -> addressBytes(address, slots.length))
                .executor(Runnable::run).build();
        for (var kind : ExposureKind.values()) {
            counted.put(kind, Counter.builder("portal.exposure.counted").tag("kind", kind.field)
                    .description("Impressions, views and apply clicks counted").register(meters));
        }
        repeated = Counter.builder("portal.exposure.repeated")
                .description("Looks not counted: the same viewer within the dedup window").register(meters);
    }

    /**
     * Reading a position's days (funnels, the need pass over every published position) must not scan a year of
     * every position's days.
     */
    @jakarta.annotation.PostConstruct
    void indexes() {
        try {
            mongo.getCollection(DAILY).createIndex(com.mongodb.client.model.Indexes.ascending("positionId", "day"));
        } catch (RuntimeException e) {
            log.warn("Index on exposure days not created (reads scan until it is): {}", e.toString());
        }
    }

    /** The positions shown on one page of results, to the visitor of the current request. */
    public void impressions(Collection<PositionId> positions) {
        impressions(positions, Viewer.current());
    }

    /** The position's page opened (or fetched through the API) by the visitor of the current request. */
    public void view(PositionId position) {
        view(position, Viewer.current());
    }

    /** The position's apply button used by the visitor of the current request. */
    public void applyClick(PositionId position) {
        applyClick(position, Viewer.current());
    }

    @org.springframework.context.event.EventListener
    void on(no.alisportalen.position.PositionViewed event) {
        view(event.id());
    }

    @org.springframework.context.event.EventListener
    void on(no.alisportalen.position.PositionApplyClicked event) {
        applyClick(event.id());
    }

    /** The positions shown on one page of results. */
    public void impressions(Collection<PositionId> positions, Viewer viewer) {
        if (!viewer.counts()) {
            return;
        }
        var visitor = visitor(viewer);
        for (var position : positions) {
            record(ExposureKind.IMPRESSION, position, visitor);
        }
    }

    public void view(PositionId position, Viewer viewer) {
        if (viewer.counts()) {
            record(ExposureKind.VIEW, position, visitor(viewer));
        }
    }

    public void applyClick(PositionId position, Viewer viewer) {
        if (viewer.counts()) {
            record(ExposureKind.APPLY_CLICK, position, visitor(viewer));
        }
    }

    /**
     * The visitor a look counts for. An address's first {@code visitorsPerAddress} visitors of the hour count as
     * themselves; any further one as one of those (by its hash), so a client cycling User-Agents or dropping its
     * session moves each count by at most that many per dedup window (api-v1 "Security rules").
     */
    private String visitor(Viewer viewer) {
        var slots = addresses.get(viewer.address(), a -> new String[perAddress]);
        synchronized (slots) {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == null) {
                    slots[i] = viewer.key();
                    return viewer.key();
                }
                if (slots[i].equals(viewer.key())) {
                    return viewer.key();
                }
            }
            return slots[Math.floorMod(viewer.key().hashCode(), slots.length)];
        }
    }

    /** The weight of an address's entry with every slot filled: the bound holds however they fill. */
    private static int addressBytes(String address, int slots) {
        return ENTRY_BYTES + address.length() + 16 + slots * (8 + ENTRY_BYTES / 2 + 20);
    }

    /** What the visitor tables weigh now (never more than {@code portal.exposure.visitor-memory}). */
    public long visitorMemoryBytes() {
        return seen.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L)
                + addresses.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    private void record(ExposureKind kind, PositionId position, String visitor) {
        if (seen.asMap().putIfAbsent(visitor + '|' + kind.ordinal() + '|' + position.value(), Boolean.TRUE)
                != null) {
            repeated.increment();
            return;
        }
        var bucket = new Bucket(position.value(), LocalDate.now(clock.withZone(OSLO)));
        var lock = swap.readLock();
        lock.lock();
        try {
            pending.computeIfAbsent(bucket, b -> new AtomicLongArray(ExposureKind.values().length))
                    .incrementAndGet(kind.ordinal());
        } finally {
            lock.unlock();
        }
        counted.get(kind).increment();
    }

    /**
     * Writes what was gathered since the last flush: one unordered bulk of upserts. On failure the counts go back
     * into the next batch.
     *
     * @return how many position-days were written
     */
    @Scheduled(initialDelayString = "${portal.exposure.flush-interval:10s}",
            fixedDelayString = "${portal.exposure.flush-interval:10s}")
    public synchronized int flush() {
        ConcurrentHashMap<Bucket, AtomicLongArray> batch;
        var lock = swap.writeLock();
        lock.lock();
        try {
            batch = pending;
            pending = new ConcurrentHashMap<>();
        } finally {
            lock.unlock();
        }
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, long[]> totals = new HashMap<>();
        try {
            // The driver's own collection, not Spring's mapping: Spring would turn an id that looks like an
            // ObjectId (position ids do) into one.
            List<UpdateOneModel<Document>> writes = new ArrayList<>();
            batch.forEach((bucket, counts) -> {
                var total = totals.computeIfAbsent(bucket.positionId(), p -> new long[ExposureKind.values().length]);
                List<Bson> updates = new ArrayList<>();
                updates.add(Updates.setOnInsert("positionId", bucket.positionId()));
                updates.add(Updates.setOnInsert("day", bucket.day().toString()));
                for (var kind : ExposureKind.values()) {
                    long n = counts.get(kind.ordinal());
                    updates.add(Updates.inc(kind.field, n));
                    total[kind.ordinal()] += n;
                }
                writes.add(new UpdateOneModel<>(Filters.eq("_id", bucket.positionId() + "/" + bucket.day()),
                        Updates.combine(updates), UPSERT));
            });
            mongo.getCollection(DAILY).bulkWrite(writes, UNORDERED);
        } catch (com.mongodb.MongoBulkWriteException e) {
            // Some upserts landed: retrying all would count those twice, so the batch is dropped.
            log.warn("Exposure counts partly written; the rest dropped: {}", e.getMessage());
            return 0;
        } catch (RuntimeException e) {
            log.warn("Exposure counts not written ({}); kept for the next flush", e.toString());
            putBack(batch);
            return 0;
        }
        try {
            List<UpdateOneModel<Document>> writes = new ArrayList<>();
            totals.forEach((positionId, total) -> {
                List<Bson> updates = new ArrayList<>();
                for (var kind : ExposureKind.values()) {
                    updates.add(Updates.inc(kind.field, total[kind.ordinal()]));
                }
                writes.add(new UpdateOneModel<>(Filters.eq("_id", positionId), Updates.combine(updates), UPSERT));
            });
            mongo.getCollection(TOTALS).bulkWrite(writes, UNORDERED);
        } catch (RuntimeException e) {
            // The days are written; only the running totals fall behind (rare: the store failed between two bulks).
            log.warn("Exposure totals behind the daily counts for {} positions: {}", totals.size(), e.toString());
        }
        return batch.size();
    }

    private void putBack(Map<Bucket, AtomicLongArray> batch) {
        var lock = swap.readLock();
        lock.lock();
        try {
            batch.forEach((bucket, counts) -> {
                var target = pending.computeIfAbsent(bucket, b -> new AtomicLongArray(ExposureKind.values().length));
                for (int i = 0; i < counts.length(); i++) {
                    target.addAndGet(i, counts.get(i));
                }
            });
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    /** Each position's counts since publication (positions without any are absent). */
    public Map<PositionId, Exposure> totals(Collection<PositionId> positions) {
        Map<PositionId, Exposure> result = new HashMap<>();
        for (var chunk : chunks(positions)) {
            for (var d : mongo.getCollection(TOTALS).find(Filters.in("_id", chunk))) {
                result.put(new PositionId(d.getString("_id")), exposure(d));
            }
        }
        return result;
    }

    @Override
    public Map<PositionId, Totals> totalsFor(Collection<PositionId> positions) {
        Map<PositionId, Totals> result = new HashMap<>();
        totals(positions).forEach((id, e) -> result.put(id, new Totals(e.impressions(), e.views(), e.applyClicks())));
        return result;
    }

    /** Each position's counts per day from a day on (days without counts are absent), oldest first. */
    public Map<PositionId, List<DailyExposure>> daily(Collection<PositionId> positions, LocalDate from) {
        Map<PositionId, List<DailyExposure>> result = new HashMap<>();
        for (var chunk : chunks(positions)) {
            var query = Filters.and(Filters.in("positionId", chunk), Filters.gte("day", from.toString()));
            for (var d : mongo.getCollection(DAILY).find(query)) {
                result.computeIfAbsent(new PositionId(d.getString("positionId")), p -> new ArrayList<>())
                        .add(new DailyExposure(LocalDate.parse(d.getString("day")), exposure(d)));
            }
        }
        result.values().forEach(list -> list.sort(java.util.Comparator.comparing(DailyExposure::day)));
        return result;
    }

    private static List<List<String>> chunks(Collection<PositionId> positions) {
        var ids = positions.stream().map(PositionId::value).distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1_000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1_000)));
        }
        return chunks;
    }

    private static Exposure exposure(Document d) {
        return new Exposure(number(d, ExposureKind.IMPRESSION), number(d, ExposureKind.VIEW),
                number(d, ExposureKind.APPLY_CLICK));
    }

    private static long number(Document d, ExposureKind kind) {
        return d.get(kind.field) instanceof Number n ? n.longValue() : 0;
    }
}
