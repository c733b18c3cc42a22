package no.alisportalen.position;

import java.util.Collection;
import java.util.Map;

/**
 * Exact application counts per position, supplied by the applications feature. Counts are derived from the
 * applications themselves on every read, so they are exact at all times without a second document to keep in
 * step (the embedded store has no transactions).
 */
public interface ApplicationCounts {

    /** Applications that were not withdrawn, per position; positions without any may be absent. */
    Map<PositionId, Integer> countFor(Collection<PositionId> positions);
}
