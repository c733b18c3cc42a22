package no.alisportalen.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import no.alisportalen.base.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Registration attempts per client address and hour (every attempt counts, also one that finds the address
 * taken), so the 409 for a taken e-mail cannot list the portal's accounts at speed. The API answers 429 with
 * Retry-After; the registration view says to wait.
 */
@Component
public class RegistrationThrottle {

    private static final Duration HOUR = Duration.ofHours(1);

    private final int perHour;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(HOUR).build();

    RegistrationThrottle(RegistrationProperties properties) {
        this.perHour = properties.attemptsPerHour();
    }

    /** @throws TooManyRequestsException when this address has no attempts left this hour */
    public void acquire(String clientAddress) {
        var bucket = buckets.get(clientAddress, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perHour)
                .refillIntervally(perHour, HOUR).build()).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("problem.tooMany.registration",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
