package no.alisportalen.matching;

import org.jspecify.annotations.Nullable;

/**
 * How much each soft preference matters, 0 (not at all) to 5 (very much). Missing values take the defaults:
 * location 3, distance 2, listLength 2, salary 2, introductionAgreement 1, supervision 2, onCall 1, incentives 1.
 */
public record Weights(
        @Nullable Integer location,
        @Nullable Integer distance,
        @Nullable Integer listLength,
        @Nullable Integer salary,
        @Nullable Integer introductionAgreement,
        @Nullable Integer supervision,
        @Nullable Integer onCall,
        @Nullable Integer incentives) {

    public static final int MAX = 5;

    public static Weights defaults() {
        return new Weights(3, 2, 2, 2, 1, 2, 1, 1);
    }

    /** Every value present: missing ones replaced by their default. */
    public Weights complete() {
        var d = defaults();
        return new Weights(or(location, d.location), or(distance, d.distance), or(listLength, d.listLength),
                or(salary, d.salary), or(introductionAgreement, d.introductionAgreement),
                or(supervision, d.supervision), or(onCall, d.onCall), or(incentives, d.incentives));
    }

    private static Integer or(@Nullable Integer value, @Nullable Integer fallback) {
        return value != null ? value : java.util.Objects.requireNonNull(fallback);
    }
}
