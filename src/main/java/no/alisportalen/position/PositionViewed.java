package no.alisportalen.position;

/** A published position's page was opened, or the position fetched alone through the API (for exposure counts). */
public record PositionViewed(PositionId id) {}
