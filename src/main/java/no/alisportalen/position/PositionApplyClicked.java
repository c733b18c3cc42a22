package no.alisportalen.position;

/** The apply button of a published position was used (for exposure counts). */
public record PositionApplyClicked(PositionId id) {}
