package no.alisportalen.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: five failed logins per account within 15 minutes lock further attempts for that
 * account until tokens refill (one every three minutes). Buckets live in memory and expire when idle.
 */
@Component
class LoginThrottle {

    static final int ALLOWED_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(WINDOW).build();

    boolean isBlocked(String username) {
        var bucket = buckets.getIfPresent(key(username));
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    void failed(String username) {
        buckets.get(key(username), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(ALLOWED_FAILURES).refillGreedy(ALLOWED_FAILURES, WINDOW).build())
                .build()).tryConsume(1);
    }

    void succeeded(String username) {
        buckets.invalidate(key(username));
    }

    Duration retryAfter() {
        return WINDOW.dividedBy(ALLOWED_FAILURES);
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
