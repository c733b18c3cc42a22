package no.alisportalen.round;

/** OPEN (ranking) → MATCHED (result computed, visible to the office) → PUBLISHED; CANCELLED from OPEN or MATCHED. */
public enum RoundStatus {
    OPEN,
    MATCHED,
    PUBLISHED,
    CANCELLED
}
