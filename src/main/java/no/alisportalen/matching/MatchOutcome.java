package no.alisportalen.matching;

/** How well a position meets one criterion: fully (satisfaction ≥ 0.75), partly (above 0), or not at all. */
public enum MatchOutcome {
    MET,
    PARTIAL,
    UNMET;

    static MatchOutcome of(double satisfaction) {
        return satisfaction >= 0.75 ? MET : satisfaction > 0 ? PARTIAL : UNMET;
    }
}
