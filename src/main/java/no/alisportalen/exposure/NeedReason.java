package no.alisportalen.exposure;

/** Why a position is said to need applicants. */
public enum NeedReason {
    /** No application since it was published. */
    NO_APPLICATIONS,
    /** Fewer applications than one per fortnight open. */
    FEW_APPLICATIONS,
    /** Shown in results less than half as often as the region's median position in the last 14 days. */
    LITTLE_SEEN,
    /** In a municipality the state counts as recruitment-weak. */
    RECRUITMENT_WEAK
}
