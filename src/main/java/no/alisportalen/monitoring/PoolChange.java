package no.alisportalen.monitoring;

/**
 * What one change to a position would do to its pool of applicants.
 *
 * @param change what would change
 * @param description the change in the reader's language
 * @param pool applicants whose hard constraints the changed position would satisfy
 * @param gain pool minus today's pool
 */
public record PoolChange(PoolChangeKind change, String description, long pool, long gain) {}
