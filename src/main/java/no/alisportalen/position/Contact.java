package no.alisportalen.position;

import org.jspecify.annotations.Nullable;

/** Who applicants can ask about the position. */
public record Contact(@Nullable String name, @Nullable String email, @Nullable String phone) {

    public static Contact empty() {
        return new Contact(null, null, null);
    }
}
