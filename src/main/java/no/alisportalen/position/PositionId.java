package no.alisportalen.position;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of a position; stable, used in URLs. */
public record PositionId(@JsonValue String value) {

    public PositionId {
        if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("Invalid position id");
        }
    }

    /**
     * The id from a URL path segment.
     *
     * @throws no.alisportalen.base.NotFoundException when it cannot be an id (so no such position exists)
     */
    public static PositionId fromPath(String value) {
        try {
            return new PositionId(value);
        } catch (IllegalArgumentException e) {
            throw new no.alisportalen.base.NotFoundException("position");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
