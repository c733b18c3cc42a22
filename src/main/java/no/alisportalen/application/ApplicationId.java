package no.alisportalen.application;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of an application; a 24-digit hex string. */
public record ApplicationId(@JsonValue String value) {

    public ApplicationId {
        if (!value.matches("[0-9a-f]{24}")) {
            throw new IllegalArgumentException("Invalid application id");
        }
    }

    /**
     * The id from a URL path segment.
     *
     * @throws no.alisportalen.base.NotFoundException when it cannot be an id (so no such application exists)
     */
    public static ApplicationId fromPath(String value) {
        try {
            return new ApplicationId(value);
        } catch (IllegalArgumentException e) {
            throw new no.alisportalen.base.NotFoundException("application");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
