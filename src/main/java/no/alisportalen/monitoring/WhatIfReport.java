package no.alisportalen.monitoring;

import java.util.List;
import no.alisportalen.position.PositionId;

/** Today's pool of a position and the changes that would widen it, largest gain first. */
public record WhatIfReport(PositionId positionId, String title, long pool, List<PoolChange> changes) {

    public WhatIfReport {
        changes = List.copyOf(changes);
    }
}
