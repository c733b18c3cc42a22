package no.alisportalen.position;

import java.util.Collection;
import java.util.Map;

/**
 * How often positions were shown, opened and applied to through the apply button, supplied by the exposure
 * feature (which builds on this one, so the dependency is turned around as for {@link ApplicationCounts}).
 */
public interface ExposureCounts {

    /** Since publication; positions never shown are absent. */
    Map<PositionId, Totals> totalsFor(Collection<PositionId> positions);

    record Totals(long impressions, long views, long applyClicks) {}
}
