package no.alisportalen.position;

import java.time.Instant;

/** One entry of the public change feed, with the position as it was after the change. */
public record FeedItem(long sequence, FeedChangeType changeType, Instant changedAt, Position position) {}
