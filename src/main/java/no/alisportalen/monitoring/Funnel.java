package no.alisportalen.monitoring;

import java.time.LocalDate;
import java.util.List;
import no.alisportalen.position.PositionId;

/**
 * A position's recruitment funnel — shown in results, opened, apply button used, applications — week by week
 * since publication, beside the median of the region's positions like it (same setting and employment form) in
 * their own weeks since publication, with plain-language hints.
 *
 * @param peers how many positions like it the medians are taken over
 */
public record Funnel(PositionId positionId, String title, int peers, List<Week> weeks, Stage total,
        Stage peerMedianTotal, List<Hint> hints) {

    public Funnel {
        weeks = List.copyOf(weeks);
        hints = List.copyOf(hints);
    }

    /** Counts of one stage set; medians may be fractional. */
    public record Stage(double impressions, double views, double applyClicks, double applications) {}

    /**
     * @param week 1 for the first seven days after publication
     * @param peersInWeek how many positions like it were open that long (the median is over them)
     */
    public record Week(int week, LocalDate start, Stage position, Stage peerMedian, int peersInWeek) {}

    public enum HintKind {
        /** Shown far less than positions like it: searchers' constraints filter it out. */
        RARELY_SHOWN,
        /** Shown, but opened far less often than positions like it: title and incentives. */
        SHOWN_NOT_OPENED,
        /** Opened, but no applications. */
        OPENED_NOT_APPLIED,
        /** Nothing stands out against positions like it. */
        ON_PAR
    }

    public record Hint(HintKind kind, String text) {}
}
