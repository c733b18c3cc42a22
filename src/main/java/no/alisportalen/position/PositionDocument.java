package no.alisportalen.position;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of a position. Everything one change touches lives in this one document — the data, the audit
 * trail and the feed changes not yet sequenced — so a single optimistic-locked update is the unit of consistency.
 *
 * @param pendingFeed changes to a published position waiting for the feed sequencer
 * @param indexedVersion the version last acknowledged by the search index (search feature)
 * @param indexDirty true (or missing, for documents from before the field) until the index acknowledged this version
 */
@Document("positions")
@CompoundIndexes({
    @CompoundIndex(name = "municipality_status", def = "{'data.municipalityNumber': 1, 'status': 1}"),
    @CompoundIndex(name = "status_deadline", def = "{'status': 1, 'data.applicationDeadline': 1}"),
    @CompoundIndex(name = "index_dirty", def = "{'indexDirty': 1}")
})
record PositionDocument(
        @Id String id,
        @Version @Nullable Long version,
        PositionStatus status,
        PositionData data,
        String municipalityName,
        String countyName,
        Region region,
        int centrality,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        List<AuditEntry> audit,
        List<PendingChange> pendingFeed,
        long indexedVersion,
        @Nullable Boolean indexDirty) {

    static final int AUDIT_KEEP = 500;

    PositionDocument {
        audit = audit == null ? List.of() : List.copyOf(audit);
        pendingFeed = pendingFeed == null ? List.of() : List.copyOf(pendingFeed);
    }

    /** A feed change recorded with the write that caused it. */
    record PendingChange(String changeId, FeedChangeType changeType, Instant at, Position snapshot) {}

    long currentVersion() {
        return version == null ? 0 : version;
    }

    Position toPosition() {
        return new Position(new PositionId(id), currentVersion(), status, data, municipalityName, countyName, region,
                centrality, publishedAt, updatedAt, null);
    }

    PositionDocument with(PositionStatus newStatus, PositionData newData, Instant now, @Nullable Instant published,
            AuditEntry entry, @Nullable FeedChangeType feedChange) {
        var newAudit = new ArrayList<>(audit);
        newAudit.add(entry);
        if (newAudit.size() > AUDIT_KEEP) {
            newAudit.subList(0, newAudit.size() - AUDIT_KEEP).clear();
        }
        var next = new PositionDocument(id, version, newStatus, newData, municipalityName, countyName, region,
                centrality, published, createdAt, now, newAudit, pendingFeed, indexedVersion, true);
        if (feedChange == null) {
            return next;
        }
        // The snapshot carries the version this write will get.
        var snapshot = new Position(new PositionId(id), currentVersion() + 1, newStatus, newData, municipalityName,
                countyName, region, centrality, published, now, null);
        var pending = new ArrayList<>(pendingFeed);
        pending.add(new PendingChange(id + ":" + (currentVersion() + 1), feedChange, now, snapshot));
        return new PositionDocument(id, version, newStatus, newData, municipalityName, countyName, region, centrality,
                published, createdAt, now, newAudit, pending, indexedVersion, true);
    }
}
