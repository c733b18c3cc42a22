package no.alisportalen.position;

/** What happened to a published position, as the change feed reports it. */
public enum FeedChangeType {
    PUBLISHED,
    UPDATED,
    CLOSED
}
