package no.alisportalen.monitoring;

/** The changes the what-if tries, each one step at a time. */
public enum PoolChangeKind {
    FIXED_SALARY,
    SHORTER_LIST,
    RARER_ON_CALL,
    INTRODUCTION_AGREEMENT,
    SUPERVISOR_ON_SITE,
    EXTRA_INCENTIVE
}
