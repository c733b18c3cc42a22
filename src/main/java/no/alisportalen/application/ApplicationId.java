package no.alisportalen.application;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identity of an application; a 24-digit hex string. */
public record ApplicationId(@JsonValue String value) {

    public ApplicationId {
        if (!value.matches("[0-9a-f]{24}")) {
            throw new IllegalArgumentException("Invalid application id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
