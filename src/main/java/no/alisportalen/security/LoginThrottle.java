package no.alisportalen.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import no.alisportalen.base.SharedCounters;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, with the counts in the store so every portal node sees the same attempts
 * (DD012). Within 15 minutes: five failures for one account from one client address (so a stranger cannot
 * lock a user out from the user's own address), 50 failures from one address over any accounts (one password
 * sprayed over many), and 100 failures for one account from all addresses together (guessing spread over
 * many addresses). An attempt reserves its count before the password is checked and gives it back on
 * success, so N parallel attempts cost what N serial ones do, on one node or several. On each node one
 * account's checks also run one at a time, so a user's own parallel requests (browser tabs, a script) never
 * push each other over a limit.
 */
@Component
class LoginThrottle {

    static final int ALLOWED_FAILURES = 5;
    static final int ALLOWED_FAILURES_PER_ADDRESS = 50;
    static final int ALLOWED_FAILURES_PER_ACCOUNT = 100;
    /** An e-mail address is at most 254 characters; longer names are refused before anything is looked up. */
    static final int MAX_USERNAME = 254;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final Duration QUEUE = Duration.ofSeconds(10);

    private final com.github.benmanes.caffeine.cache.Cache<String, java.util.concurrent.Semaphore> turns =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterAccess(Duration.ofMinutes(1)).build();
    private final SharedCounters counters;
    private final Clock clock;
    private final Counter failures;
    private final Counter throttled;

    LoginThrottle(SharedCounters counters, Clock clock, MeterRegistry meters) {
        this.counters = counters;
        this.clock = clock;
        this.failures = Counter.builder("portal.login.failures").description("Failed logins (wrong credentials)")
                .tag("reason", "bad_credentials").register(meters);
        this.throttled = Counter.builder("portal.login.failures").description("Failed logins (wrong credentials)")
                .tag("reason", "throttled").register(meters);
    }

    /**
     * Runs one password check for this account and address under the throttle.
     *
     * @param check the check
     * @param succeeded whether the check's result means the password was right
     * @throws LoginThrottledException when a limit is used up (nothing is checked)
     */
    <T> T attempt(String username, String address, Supplier<T> check, Predicate<T> succeeded) {
        var account = username.strip().toLowerCase(Locale.ROOT);
        var turn = turns.get(account, k -> new java.util.concurrent.Semaphore(1, true));
        try {
            if (!turn.tryAcquire(QUEUE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new LoginThrottledException(QUEUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginThrottledException(QUEUE);
        }
        try {
            return attemptInTurn(account, address, check, succeeded);
        } finally {
            turn.release();
        }
    }

    private <T> T attemptInTurn(String account, String address, Supplier<T> check, Predicate<T> succeeded) {
        String[] keys = {"login:pair:" + account + "|" + address, "login:address:" + address, "login:account:" + account};
        int[] limits = {ALLOWED_FAILURES, ALLOWED_FAILURES_PER_ADDRESS, ALLOWED_FAILURES_PER_ACCOUNT};
        for (int i = 0; i < keys.length; i++) {
            var count = counters.increment(keys[i], WINDOW);
            if (count.value() > limits[i]) {
                // Give back what this refused attempt reserved: it checked nothing.
                for (int j = 0; j <= i; j++) {
                    counters.decrement(keys[j]);
                }
                throttled.increment();
                throw new LoginThrottledException(count.remaining(clock.instant()));
            }
        }
        boolean ok = false;
        try {
            T result = check.get();
            ok = succeeded.test(result);
            return result;
        } finally {
            if (ok) {
                counters.reset(keys[0]);
                counters.decrement(keys[1]);
                counters.decrement(keys[2]);
            } else {
                failures.increment();
            }
        }
    }
}
