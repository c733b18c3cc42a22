package no.alisportalen.round;

/**
 * @param assignment per applicant, its position or -1
 * @param stable what the independent {@link StabilityChecker} found: no blocking pair and no blocking couple
 * @param passes how many repair passes the couples needed (0 without couples)
 */
record MatchResult(int[] assignment, boolean stable, int passes, String algorithm) {}
