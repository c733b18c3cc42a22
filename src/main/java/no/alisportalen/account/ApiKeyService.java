package no.alisportalen.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * API keys for integrations (shared/docs/api-v1.md, "Authentication"). A key is a {@link SingleUseTokens}
 * token (32 random bytes) with a prefix; the store keeps its SHA-256 only, so checking a key is one indexed lookup and no password hash. A key acts as its owner,
 * with the owner's role and scope; an ALIS office's keys only read (the security filter enforces it).
 */
@Service
public class ApiKeyService {

    static final String KEY_PREFIX = "alis_";
    static final int MAX_NAME = 80;
    static final int MAX_ACTIVE_KEYS = 50;
    private static final int KEY_LENGTH = KEY_PREFIX.length() + 43;
    /** How stale "last used" may be: one store write per key and minute at most. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** How long a verified key is trusted without a lookup; a revocation on another node takes this long. */
    static final Duration CACHE = Duration.ofSeconds(5);

    /** A verified key: who it acts for, and when its use was last written. */
    private record Verified(ApiKeyDocument key, PortalUser user, AtomicReference<Instant> lastWritten) {}

    private final ApiKeyRepository keys;
    private final AccountRepository accounts;
    private final MongoTemplate mongo;
    private final ApiKeyProperties properties;
    private final Clock clock;
    private final Cache<String, Optional<Verified>> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(CACHE).build();

    ApiKeyService(ApiKeyRepository keys, AccountRepository accounts, MongoTemplate mongo, ApiKeyProperties properties,
            Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates a key for the logged-in user; the returned key is never shown again.
     *
     * @param expiresAt null for the default lifetime
     * @throws InvalidInputException for a missing or too long name, or an expiry in the past or too far ahead
     * @throws AccessDeniedException when the request itself came with an API key (keys do not make keys)
     */
    @PreAuthorize("hasAnyRole('MUNICIPALITY', 'ALIS_OFFICE', 'ADMIN')")
    public CreatedApiKey create(@Nullable String name, @Nullable Instant expiresAt) {
        var owner = interactive();
        var now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of("name", "validation.apiKey.name.required"));
        } else if (trimmed.length() > MAX_NAME) {
            problems.add(FieldProblem.of("name", "validation.apiKey.name.size", MAX_NAME));
        }
        var expiry = expiresAt != null ? expiresAt : now.plus(properties.defaultLifetime());
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(properties.maxLifetime()))) {
            problems.add(FieldProblem.of("expiresAt", "validation.apiKey.expiry", properties.maxLifetime().toDays()));
        }
        var mine = keys.findByOwnerIdOrderByCreatedAtDesc(owner.id().value()).stream()
                .map(k -> k.toApiKey(now)).filter(k -> k.status() == ApiKey.Status.ACTIVE).toList();
        if (mine.stream().anyMatch(k -> k.name().equalsIgnoreCase(trimmed))) {
            problems.add(FieldProblem.of("name", "validation.apiKey.name.taken"));
        }
        if (mine.size() >= MAX_ACTIVE_KEYS) {
            problems.add(FieldProblem.of("name", "validation.apiKey.tooMany", MAX_ACTIVE_KEYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var key = KEY_PREFIX + SingleUseTokens.create();
        var saved = keys.save(new ApiKeyDocument(null, SingleUseTokens.hash(key), owner.id().value(), trimmed,
                key.substring(0, KEY_PREFIX.length() + 6), now, expiry, null, null));
        return new CreatedApiKey(java.util.Objects.requireNonNull(saved.id()), saved.name(), key, saved.createdAt(),
                saved.expiresAt());
    }

    /** The logged-in user's keys, newest first, without the keys themselves. */
    @PreAuthorize("isAuthenticated()")
    public List<ApiKey> mine() {
        return of(interactive().id());
    }

    /**
     * Revokes one of the logged-in user's keys; revoking it again changes nothing.
     *
     * @throws NotFoundException when the user has no key with this id
     */
    @PreAuthorize("isAuthenticated()")
    public void revoke(String id) {
        revoke(interactive().id(), id);
    }

    /** Any account's keys, newest first; administrators only, and not through a key. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<ApiKey> ofAccount(AccountId owner) {
        refuseApiKey();
        if (!accounts.existsById(owner.value())) {
            throw new NotFoundException("account");
        }
        return of(owner);
    }

    /**
     * Revokes any account's key; administrators only, and not through a key.
     *
     * @throws NotFoundException when that account has no key with this id
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void revokeOfAccount(AccountId owner, String id) {
        refuseApiKey();
        revoke(owner, id);
    }

    /**
     * Revokes every key of the account: a reset or an admin's temporary password presumes the account was
     * compromised, and whoever had the old password may have made keys. This node forgets them at once; another
     * node within {@link #CACHE}.
     */
    void revokeAll(String ownerId) {
        var revoked = keys.findByOwnerIdOrderByCreatedAtDesc(ownerId).stream().filter(k -> k.revokedAt() == null)
                .toList();
        mongo.updateMulti(Query.query(Criteria.where("ownerId").is(ownerId).and("revokedAt").is(null)),
                Update.update("revokedAt", clock.instant()), ApiKeyDocument.class);
        revoked.forEach(k -> verified.invalidate(k.hash()));
    }

    private List<ApiKey> of(AccountId owner) {
        var now = clock.instant();
        return keys.findByOwnerIdOrderByCreatedAtDesc(owner.value()).stream().map(k -> k.toApiKey(now)).toList();
    }

    private void revoke(AccountId owner, String id) {
        var key = keys.findById(id).filter(k -> k.ownerId().equals(owner.value()))
                .orElseThrow(() -> new NotFoundException("API key " + id));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key.id()).and("revokedAt").is(null)),
                Update.update("revokedAt", clock.instant()), ApiKeyDocument.class);
        verified.invalidate(key.hash());
    }

    /**
     * The user a presented key acts for: empty for an unknown, malformed, revoked or expired key, or an owner
     * that no longer exists. Records the key's use (at most once a minute).
     */
    public Optional<PortalUser> authenticate(String presented) {
        if (presented.length() != KEY_LENGTH || !presented.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        var hash = SingleUseTokens.hash(presented);
        var found = verified.get(hash, this::load);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var key = found.get().key();
        if (!key.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        var written = found.get().lastWritten();
        var last = written.get();
        if ((last == null || last.plus(LAST_USED_RESOLUTION).isBefore(now)) && written.compareAndSet(last, now)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key.id())), Update.update("lastUsedAt", now),
                    ApiKeyDocument.class);
        }
        return Optional.of(found.get().user());
    }

    private Optional<Verified> load(String hash) {
        return keys.findByHash(hash).filter(k -> k.revokedAt() == null)
                .flatMap(k -> accounts.findById(k.ownerId()).filter(a -> a.role() != Role.APPLICANT)
                        .map(a -> new Verified(k, PortalUser.viaKey(a, k.name(), k.id()),
                                new AtomicReference<>(k.lastUsedAt()))));
    }

    /**
     * The logged-in user, unless this request came with an API key: keys never manage keys, users or passwords
     * (a leaked key must not be able to make itself permanent).
     */
    static PortalUser interactive() {
        refuseApiKey();
        return PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required"));
    }

    /** Refuses a request that came with an API key; any other caller (a session, Basic, the system) passes. */
    static void refuseApiKey() {
        if (PortalUser.current().flatMap(PortalUser::viaApiKey).isPresent()) {
            throw new AccessDeniedException("An API key cannot manage keys, users or passwords");
        }
    }
}
