package no.alisportalen.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API key as its owner sees it, without the key.
 *
 * @param prefix the key's first characters, to tell keys apart
 */
public record ApiKey(String id, String name, String prefix, Instant createdAt, Instant expiresAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, Status status) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }
}
