package no.alisportalen.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of an API key: only the SHA-256 of the key, never the key; the unique hash index is the lookup. */
@Document("api_keys")
record ApiKeyDocument(
        @Id @Nullable String id,
        @Indexed(unique = true) String hash,
        @Indexed String ownerId,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    ApiKey toApiKey(Instant now) {
        var status = revokedAt != null ? ApiKey.Status.REVOKED
                : !expiresAt.isAfter(now) ? ApiKey.Status.EXPIRED : ApiKey.Status.ACTIVE;
        return new ApiKey(java.util.Objects.requireNonNull(id), name, prefix, createdAt, expiresAt, lastUsedAt,
                revokedAt, status);
    }
}
