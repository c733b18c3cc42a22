package no.alisportalen.position;

import java.util.List;

/**
 * Entries of a position's audit trail that other features keep (the applicant list's requests, decisions and
 * publication); the trail merges them in time order. Turned around like {@link ApplicationCounts}, since those
 * features build on this one.
 */
public interface AuditSource {

    List<AuditEntry> auditOf(PositionId position);
}
