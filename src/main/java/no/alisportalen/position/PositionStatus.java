package no.alisportalen.position;

/** DRAFT → PUBLISHED → CLOSED or FILLED. */
public enum PositionStatus {
    DRAFT,
    PUBLISHED,
    CLOSED,
    FILLED
}
