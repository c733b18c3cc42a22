package no.alisportalen.exposure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import no.alisportalen.base.Backdating;
import no.alisportalen.base.CoalescingTrigger;
import no.alisportalen.municipality.Region;
import no.alisportalen.position.ApplicationCounts;
import no.alisportalen.position.Position;
import no.alisportalen.position.PositionEvent;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every published position's need for applicants ({@link ApplicantNeed}), recomputed every few minutes and soon
 * after a position changes, stored per position, and announced as {@link ApplicantNeedChanged} when it changed,
 * so the search index can carry it. Recomputing is idempotent, so several nodes may do it.
 */
@Service
public class ApplicantNeeds {

    static final String COLLECTION = "position_need";

    private final PositionService positions;
    private final ObjectProvider<ApplicationCounts> counts;
    private final ExposureService exposure;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CoalescingTrigger soon = new CoalescingTrigger("applicant-needs", this::assessChangedQuietly);
    /** Positions changed since the last assessment of changed ones. */
    private final java.util.Set<PositionId> changedPositions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Each region's median impressions of the last full run, for assessing single positions in between. */
    private volatile Map<Region, Double> medians = Map.of();
    private int scheduledRuns;
    private final double littleSeenFloor;

    ApplicantNeeds(PositionService positions, ObjectProvider<ApplicationCounts> counts, ExposureService exposure,
            MongoTemplate mongo, ApplicationEventPublisher events, ExposureProperties properties, Clock clock) {
        this.littleSeenFloor = ApplicantNeed.littleSeenFloor(properties.visitorsPerAddress());
        this.positions = positions;
        this.counts = counts;
        this.exposure = exposure;
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(PositionEvent event) {
        if (!(event instanceof PositionEvent.PositionSaved) && !Backdating.inProgress()) {
            changedPositions.add(event.id());
            soon.request();
        }
    }

    @Scheduled(initialDelayString = "${portal.exposure.need-interval:5m}",
            fixedDelayString = "${portal.exposure.need-interval:5m}")
    void scheduled() {
        if (!Backdating.inProgress()) {
            // Changed needs every run; all of them once an hour, so the index heals from anything it missed.
            try {
                recompute(scheduledRuns++ % 12 == 0);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ApplicantNeeds.class).warn("Need for applicants not recomputed: {}",
                        e.toString());
            }
        }
    }

    /**
     * Only the positions that changed (a publish, an edit, a close), against the medians of the last full run:
     * a publish must not cost a pass over every position.
     */
    private void assessChangedQuietly() {
        try {
            assessChanged();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ApplicantNeeds.class).warn("Need for applicants not recomputed: {}",
                    e.toString());
        }
    }

    synchronized void assessChanged() {
        List<PositionId> ids = new ArrayList<>(changedPositions);
        changedPositions.removeAll(ids);
        if (ids.isEmpty()) {
            return;
        }
        var today = LocalDate.now(clock.withZone(ExposureService.OSLO));
        List<Position> published = new ArrayList<>();
        for (var id : ids) {
            positions.findForStatistics(id).filter(p -> p.status() == no.alisportalen.position.PositionStatus.PUBLISHED)
                    .ifPresent(published::add);
        }
        var needs = assess(published, today, medians, impressions14(ids, today));
        store(needs, false);
    }

    /**
     * Recomputes every published position's need, stores the changed ones and announces all of them, so the
     * search index heals from anything it missed (Elasticsearch skips updates that change nothing).
     *
     * @return the needs of all published positions
     */
    public Map<PositionId, ApplicantNeed> recompute() {
        return recompute(true);
    }

    /** @param all announce every need, not only the changed ones */
    synchronized Map<PositionId, ApplicantNeed> recompute(boolean all) {
        var today = LocalDate.now(clock.withZone(ExposureService.OSLO));
        var published = positions.published();
        var ids = published.stream().map(Position::id).toList();
        var impressions = impressions14(ids, today);
        medians = published.stream().collect(Collectors.groupingBy(Position::region,
                Collectors.collectingAndThen(Collectors.mapping(p -> impressions.getOrDefault(p.id(), 0L),
                        Collectors.toList()), ApplicantNeeds::median)));
        var needs = assess(published, today, medians, impressions);
        store(needs, all);
        // Positions no longer published need nothing: their entries go.
        var current = ids.stream().map(PositionId::value).collect(Collectors.toSet());
        List<String> gone = new ArrayList<>();
        for (var d : getCollection().find().projection(new Document("_id", 1))) {
            if (!current.contains(String.valueOf(d.get("_id")))) {
                gone.add(String.valueOf(d.get("_id")));
            }
        }
        if (!gone.isEmpty()) {
            getCollection().deleteMany(Filters.in("_id", gone));
        }
        return needs;
    }

    private Map<PositionId, Long> impressions14(List<PositionId> ids, LocalDate today) {
        Map<PositionId, Long> impressions = new HashMap<>();
        exposure.daily(ids, today.minusDays(13)).forEach((id, days) -> impressions.put(id,
                days.stream().mapToLong(d -> d.counts().impressions()).sum()));
        return impressions;
    }

    private Map<PositionId, ApplicantNeed> assess(List<Position> published, LocalDate today,
            Map<Region, Double> regionMedians, Map<PositionId, Long> impressions) {
        var ids = published.stream().map(Position::id).toList();
        var applications = counts.getObject().countFor(ids);
        Map<PositionId, ApplicantNeed> needs = new HashMap<>();
        for (var p : published) {
            var opened = p.publishedAt() == null ? today : p.publishedAt().atZone(ExposureService.OSLO).toLocalDate();
            needs.put(p.id(), ApplicantNeed.assess(p.id(), Math.max(0, ChronoUnit.DAYS.between(opened, today)),
                    applications.getOrDefault(p.id(), 0), impressions.getOrDefault(p.id(), 0L),
                    regionMedians.getOrDefault(p.region(), 0.0), littleSeenFloor, p.data().recruitmentWeak()));
        }
        return needs;
    }

    private com.mongodb.client.MongoCollection<Document> getCollection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Stores the needs that changed and announces them (or all of them when {@code announceAll} says so). */
    private void store(Map<PositionId, ApplicantNeed> needs, boolean all) {
        var ids = List.copyOf(needs.keySet());
        var before = stored(ids);
        List<ApplicantNeed> changed = new ArrayList<>();
        for (var need : needs.values()) {
            var old = before.get(need.positionId());
            if (old == null || old.need() != need.need() || !old.reasons().equals(need.reasons())
                    || old.daysOpen() != need.daysOpen() || old.applications() != need.applications()) {
                changed.add(need);
            }
        }
        if (!changed.isEmpty()) {
            // The driver's own collection: Spring's mapping would turn ObjectId-like position ids into ObjectIds.
            List<ReplaceOneModel<Document>> writes = changed.stream().map(need -> new ReplaceOneModel<>(
                    Filters.eq("_id", need.positionId().value()), toDocument(need),
                    new ReplaceOptions().upsert(true))).toList();
            getCollection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        // Only a change of the boost itself concerns the index; days open and counts are for the label's text.
        var forIndex = all ? List.copyOf(needs.values()) : changed.stream().filter(n -> {
            var old = before.get(n.positionId());
            return old == null ? n.needsApplicants() : old.need() != n.need() || !old.reasons().equals(n.reasons());
        }).toList();
        if (!forIndex.isEmpty()) {
            events.publishEvent(new ApplicantNeedChanged(forIndex));
        }
    }

    /** The stored needs of positions (a position not assessed yet is absent). */
    public Map<PositionId, ApplicantNeed> stored(Collection<PositionId> ids) {
        Map<PositionId, ApplicantNeed> result = new HashMap<>();
        var values = ids.stream().map(PositionId::value).distinct().toList();
        for (int i = 0; i < values.size(); i += 1_000) {
            var chunk = values.subList(i, Math.min(values.size(), i + 1_000));
            for (var d : mongo.getCollection(COLLECTION).find(Filters.in("_id", chunk))) {
                var need = fromDocument(d);
                result.put(need.positionId(), need);
            }
        }
        return result;
    }

    private static Document toDocument(ApplicantNeed need) {
        return new Document("_id", need.positionId().value()).append("need", need.need())
                .append("reasons", need.reasons().stream().map(Enum::name).toList())
                .append("daysOpen", need.daysOpen()).append("applications", need.applications());
    }

    private static ApplicantNeed fromDocument(Document d) {
        List<NeedReason> reasons = d.getList("reasons", String.class, List.of()).stream().map(NeedReason::valueOf)
                .toList();
        return new ApplicantNeed(new PositionId(d.getString("_id")),
                ((Number) Objects.requireNonNull(d.get("need"))).doubleValue(), reasons,
                ((Number) d.get("daysOpen", 0L)).longValue(), ((Number) d.get("applications", 0)).intValue());
    }

    static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
