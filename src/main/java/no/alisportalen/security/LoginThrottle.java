package no.alisportalen.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing. Per account: five failed logins within 15 minutes lock further attempts until tokens
 * refill (one every three minutes). Per client address: 50 failures in 15 minutes, so one password sprayed over
 * many accounts is limited too. The decision and the count are one step: an account's password checks run one
 * at a time, each after reading its bucket, and an address's token is reserved before the check and given back
 * on success, so N parallel attempts cost what N serial ones do.
 */
@Component
class LoginThrottle {

    static final int ALLOWED_FAILURES = 5;
    static final int ALLOWED_FAILURES_PER_ADDRESS = 50;
    /** An e-mail address is at most 254 characters; longer names are refused before anything is looked up. */
    static final int MAX_USERNAME = 254;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration QUEUE = Duration.ofSeconds(10);

    private final Cache<String, Bucket> accounts = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(WINDOW).build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(WINDOW).build();
    private final Cache<String, Semaphore> turns = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(1)).build();

    /**
     * Runs one password check for this account and address under the throttle.
     *
     * @param check the check; {@code true} when the password was right
     * @throws LoginThrottledException when the account or the address has no attempts left (nothing is checked)
     */
    <T> T attempt(String username, String address, Supplier<T> check, java.util.function.Predicate<T> succeeded) {
        var account = key(username);
        var turn = turns.get(account, k -> new Semaphore(1, true));
        try {
            if (!turn.tryAcquire(QUEUE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LoginThrottledException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginThrottledException();
        }
        try {
            var accountBucket = accounts.get(account, k -> bucket(ALLOWED_FAILURES));
            var addressBucket = addresses.get(address, k -> bucket(ALLOWED_FAILURES_PER_ADDRESS));
            if (accountBucket.getAvailableTokens() <= 0 || !addressBucket.tryConsume(1)) {
                throw new LoginThrottledException();
            }
            boolean ok = false;
            try {
                T result = check.get();
                ok = succeeded.test(result);
                return result;
            } finally {
                if (ok) {
                    accounts.invalidate(account);
                    addressBucket.addTokens(1);
                } else {
                    accountBucket.tryConsume(1);
                }
            }
        } finally {
            turn.release();
        }
    }

    private static Bucket bucket(int capacity) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
                .build();
    }

    Duration retryAfter() {
        return WINDOW.dividedBy(ALLOWED_FAILURES);
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
