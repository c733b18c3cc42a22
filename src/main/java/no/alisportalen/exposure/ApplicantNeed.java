package no.alisportalen.exposure;

import java.util.ArrayList;
import java.util.List;
import no.alisportalen.position.PositionId;

/**
 * How much a published position needs applicants, from 0 (not at all: no boost) to 1.
 *
 * <p>The shortfall is what is missing of one application per fortnight open (all of it with none); a position
 * without a shortfall needs nothing, whatever else is true. Being little seen and being in a recruitment-weak
 * municipality each add a fifth on top of three fifths. Needs below {@link #THRESHOLD} are rounded down to 0, so
 * "needs applicants" is a clear statement and the label and the boost always go together.
 */
public record ApplicantNeed(PositionId positionId, double need, List<NeedReason> reasons, long daysOpen,
        int applications) {

    public static final double THRESHOLD = 0.3;
    static final double APPLICATIONS_PER_DAY = 1 / 14.0;

    public ApplicantNeed {
        reasons = List.copyOf(reasons);
    }

    public static ApplicantNeed none(PositionId positionId) {
        return new ApplicantNeed(positionId, 0, List.of(), 0, 0);
    }

    public boolean needsApplicants() {
        return need > 0;
    }

    /**
     * The region's median below which nobody counts as little seen: twice what one client address can add to a
     * position within a dedup window (20 visitors by default), so one address's traffic alone never turns the
     * reason on or off for anyone (api-v1 "Security rules", DD017).
     */
    public static double littleSeenFloor(int visitorsPerAddress) {
        return Math.max(4, 2.0 * visitorsPerAddress);
    }

    /**
     * @param impressions14 impressions in the last 14 days
     * @param regionMedian14 the median of those over the region's published positions
     * @param littleSeenFloor see {@link #littleSeenFloor(int)}
     */
    public static ApplicantNeed assess(PositionId positionId, long daysOpen, int applications, long impressions14,
            double regionMedian14, double littleSeenFloor, boolean recruitmentWeak) {
        double expected = Math.max(1, daysOpen * APPLICATIONS_PER_DAY);
        double shortfall = applications == 0 ? 1 : Math.max(0, 1 - applications / expected);
        boolean littleSeen = regionMedian14 >= littleSeenFloor && impressions14 < regionMedian14 / 2;
        double need = shortfall * (0.6 + (littleSeen ? 0.2 : 0) + (recruitmentWeak ? 0.2 : 0));
        need = Math.round(need * 100) / 100.0;
        if (need < THRESHOLD) {
            return new ApplicantNeed(positionId, 0, List.of(), daysOpen, applications);
        }
        List<NeedReason> reasons = new ArrayList<>();
        reasons.add(applications == 0 ? NeedReason.NO_APPLICATIONS : NeedReason.FEW_APPLICATIONS);
        if (littleSeen) {
            reasons.add(NeedReason.LITTLE_SEEN);
        }
        if (recruitmentWeak) {
            reasons.add(NeedReason.RECRUITMENT_WEAK);
        }
        return new ApplicantNeed(positionId, need, reasons, daysOpen, applications);
    }
}
