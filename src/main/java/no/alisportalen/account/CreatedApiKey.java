package no.alisportalen.account;

import java.time.Instant;

/** A key just created: the only time the key itself is shown. */
public record CreatedApiKey(String id, String name, String key, Instant createdAt, Instant expiresAt) {}
