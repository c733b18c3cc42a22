package no.alisportalen.position;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of a position; stable, used in URLs. */
public record PositionId(@JsonValue String value) {

    public PositionId {
        if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("Invalid position id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
